-- "≥ 1 effective model" is derived, never typed in, for agencies, departments and enterprises too (Circular 124 Art. 6 cl. 5):
-- criteria A_5, D_5 and E_5 of the 2024 Thái Bình sets take models' effective-model fact of the unit and year
-- (effective_model_fact, projected from models.effective-model.changed), exactly as the commune's C_2 does.
--
-- A rule set in use is immutable (its criteria's trigger refuses any change once an assessment uses the set), and an assessment
-- already made against a set answered these criteria by hand: changing their meaning under it would rewrite a decided dossier.
-- So only the sets no assessment uses are changed (on a fresh database: all three); a set already in use keeps its answered
-- criterion, is named in a NOTICE, and gets the derivation through a new rule-set version (a new record). Nothing is disabled.
DO $$
DECLARE
  skipped text;
BEGIN
  SELECT string_agg(DISTINCT s.code, ', ' ORDER BY s.code) INTO skipped
  FROM rule_set s
  WHERE s.id IN ('44cfacf5-5270-5eb3-a548-6321314ca3f8', 'beae1e8a-ab98-53ce-a3f1-59a2b72ed6e4', 'd0c9c792-b82b-50e9-bf3d-f7ec5ca92b05')
    AND EXISTS (SELECT 1 FROM assessment a WHERE a.rule_set_id = s.id);
  IF skipped IS NOT NULL THEN
    RAISE NOTICE 'rule sets in use keep their answered effective-model criterion (publish a new version to derive it): %', skipped;
  END IF;
END $$;

UPDATE safe_standard_criterion c
SET derivation = 'EFFECTIVE_MODEL'
WHERE (c.rule_set_id, c.code) IN (
    ('44cfacf5-5270-5eb3-a548-6321314ca3f8'::uuid, 'A_5'),
    ('beae1e8a-ab98-53ce-a3f1-59a2b72ed6e4'::uuid, 'D_5'),
    ('d0c9c792-b82b-50e9-bf3d-f7ec5ca92b05'::uuid, 'E_5'))
  AND c.derivation IS NULL
  AND NOT EXISTS (SELECT 1 FROM assessment a WHERE a.rule_set_id = c.rule_set_id);

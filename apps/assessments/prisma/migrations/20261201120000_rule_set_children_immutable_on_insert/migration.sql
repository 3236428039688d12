-- A rule set in use is immutable, and so is everything that hangs off it: its classification items (rule_set_item) and its
-- safe-standard criteria (safe_standard_criterion); the bands, window and deadlines are columns of rule_set itself, whose trigger
-- (…_seed_rule_sets_2024_thai_binh) refuses UPDATE and DELETE. The items' trigger fired on UPDATE and DELETE only and looked at the
-- row's old rule set, so an item could still be INSERTed into a rule set in use, or moved into one by changing its rule_set_id;
-- the criteria's trigger covered INSERT but, on UPDATE, also looked at the old rule set only. Both now refuse INSERT, UPDATE and
-- DELETE whenever the row's rule set, before or after the change, is used by an assessment: a new version is a new record.
-- One function serves both tables (each has rule_set_id).
CREATE FUNCTION rule_set_child_in_use_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (TG_OP <> 'INSERT' AND EXISTS (SELECT 1 FROM assessment WHERE rule_set_id = OLD.rule_set_id))
     OR (TG_OP <> 'DELETE' AND EXISTS (SELECT 1 FROM assessment WHERE rule_set_id = NEW.rule_set_id)) THEN
    RAISE EXCEPTION 'rule set % is in use and its % rows cannot change: publish a new version',
      CASE WHEN TG_OP = 'INSERT' THEN NEW.rule_set_id ELSE OLD.rule_set_id END, TG_TABLE_NAME USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
DROP TRIGGER rule_set_item_immutable ON rule_set_item;
CREATE TRIGGER rule_set_item_immutable BEFORE INSERT OR UPDATE OR DELETE ON rule_set_item FOR EACH ROW EXECUTE FUNCTION rule_set_child_in_use_is_immutable();
DROP TRIGGER safe_standard_criterion_immutable ON safe_standard_criterion;
DROP FUNCTION safe_standard_criterion_in_use_is_immutable();
CREATE TRIGGER safe_standard_criterion_immutable BEFORE INSERT OR UPDATE OR DELETE ON safe_standard_criterion FOR EACH ROW EXECUTE FUNCTION rule_set_child_in_use_is_immutable();

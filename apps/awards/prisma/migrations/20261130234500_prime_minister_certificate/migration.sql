-- The Prime Minister's certificate of merit (Bằng khen của Thủ tướng Chính phủ, Law on Emulation and Commendation 2022,
-- Article 71) as dated data, so that a scheme can express R20's exception: a prior provincial certificate (AWARD_HELD
-- CERTIFICATE_OF_MERIT) and 5 consecutive years classified GOOD or better (CONSECUTIVE_YEARS_GOOD GTE 5). Decree 98/2023 until
-- 30/06/2025, Decree 152/2025 from 01/07/2025, as the other forms. The bonus multiple (1.5 times the base salary, the figure for an
-- individual) is what secondary sources report of Decree 98/2023; Decree 152/2025's figure is not verified and carried over
-- ([U]: to be confirmed against the primary texts; editable data).
INSERT INTO "award_form" ("code", "valid_from", "valid_to", "name", "issuing_authority", "recipient_kinds", "legal_grounds", "bonus_multiple") VALUES
  ('PRIME_MINISTER_CERTIFICATE', '2023-12-31', '2025-07-01', 'Bằng khen của Thủ tướng Chính phủ', 'Thủ tướng Chính phủ', ARRAY['COLLECTIVE', 'HOUSEHOLD', 'INDIVIDUAL'], ARRAY['LTDKT2022-D71', 'ND98-2023'], 1.50),
  ('PRIME_MINISTER_CERTIFICATE', '2025-07-01', NULL, 'Bằng khen của Thủ tướng Chính phủ', 'Thủ tướng Chính phủ', ARRAY['COLLECTIVE', 'HOUSEHOLD', 'INDIVIDUAL'], ARRAY['LTDKT2022-D71', 'ND152-2025'], 1.50);

-- One database per service (docs/CONVENTIONS.md). Runs once, when the postgres container initialises an empty volume;
-- `npm run infra:up` creates any that are missing later (tools/infra SERVICE_DATABASES is the same list).
CREATE DATABASE antt_org_units;
CREATE DATABASE antt_campaigns;
CREATE DATABASE antt_assessments;
CREATE DATABASE antt_models;
CREATE DATABASE antt_awards;
CREATE DATABASE antt_gateway;

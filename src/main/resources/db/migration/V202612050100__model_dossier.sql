-- The registration dossier (issue 15): eight optional sections of a registration, each up to 4,000 characters.
-- Existing models have none (null); nothing else changes.
alter table model_model add column dossier_situation varchar(4000);
alter table model_model add column dossier_goals varchar(4000);
alter table model_model add column dossier_approach varchar(4000);
alter table model_model add column dossier_area varchar(4000);
alter table model_model add column dossier_forces varchar(4000);
alter table model_model add column dossier_resources varchar(4000);
alter table model_model add column dossier_outputs varchar(4000);
alter table model_model add column dossier_sustainability varchar(4000);

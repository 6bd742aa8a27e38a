create trigger trg_model_model_public_version after insert, update, delete on model_model
    for each row call "vn.dvk.showcase.PublicVersionTrigger";
create trigger trg_recognition_proposal_public_version after insert, update, delete on recognition_proposal
    for each row call "vn.dvk.showcase.PublicVersionTrigger";
create trigger trg_showcase_feedback_public_version after insert, update, delete on showcase_feedback
    for each row call "vn.dvk.showcase.PublicVersionTrigger";
create trigger trg_progress_evidence_public_version after insert, update, delete on progress_evidence
    for each row call "vn.dvk.showcase.PublicVersionTrigger";
create trigger trg_progress_report_public_version after insert, update, delete on progress_report
    for each row call "vn.dvk.showcase.PublicVersionTrigger";
create trigger trg_progress_value_public_version after insert, update, delete on progress_value
    for each row call "vn.dvk.showcase.PublicVersionTrigger";
create trigger trg_progress_model_indicator_public_version after insert, update, delete on progress_model_indicator
    for each row call "vn.dvk.showcase.PublicVersionTrigger";
create trigger trg_progress_indicator_public_version after insert, update, delete on progress_indicator
    for each row call "vn.dvk.showcase.PublicVersionTrigger";

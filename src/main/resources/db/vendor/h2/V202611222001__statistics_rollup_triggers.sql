create trigger trg_model_model_statistics after insert, update, delete on model_model
    for each row call "vn.dvk.statistics.RollupTrigger";
create trigger trg_recognition_proposal_statistics after insert, update, delete on recognition_proposal
    for each row call "vn.dvk.statistics.RollupTrigger";

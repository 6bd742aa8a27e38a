-- A model's area follows its unit's move through the unit module's event (vn.dvk.model.ModelRerouting listens to
-- UnitsReorganized in the reorganization's transaction), no longer through a trigger of the model module on the unit
-- module's table. The trigger on model_model itself (a model's insert or change of unit) stays: it reads unit_scope.
drop trigger trg_unit_unit_model_area on unit_unit;
drop function unit_unit_model_area();

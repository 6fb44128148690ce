-- Each run keeps the run specification it ran (org.tamebnn.api.training.RunSpec, canonical JSON),
-- whose SHA-256 is the cell key from this version on. Rows of earlier versions get theirs in V3.
ALTER TABLE runs ADD COLUMN run_spec VARCHAR(20000);

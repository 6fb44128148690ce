-- Few-shot grids (perClass: N points of each class); 0 for a run of a grid over training set sizes.
ALTER TABLE runs ADD COLUMN per_class INTEGER DEFAULT 0 NOT NULL;

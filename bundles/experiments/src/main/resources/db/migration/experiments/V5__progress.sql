-- The progress trace of each run: incumbent and bound over the run's time, as its solver reported
-- them (none for a solver without progress reports). NULL is "not known yet".
CREATE TABLE progress (
    run_id     BIGINT           NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    seq        INTEGER          NOT NULL,
    seconds    DOUBLE PRECISION NOT NULL,   -- since the run started
    incumbent  DOUBLE PRECISION,
    bound      DOUBLE PRECISION,
    PRIMARY KEY (run_id, seq)
);

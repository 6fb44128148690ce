c Problem:    model
c Rows:       2
c Columns:    2
c Non-zeros:  4
c Status:     INFEASIBLE (FINAL)
c Objective:  obj = 1 (MINimum)
c
s bas 2 2 n i 1
i 1 u 1 1
i 2 b 1 0
j 1 b 1 0
j 2 l 0 -1
e o f

c Problem:    model
c Rows:       2
c Columns:    2
c Non-zeros:  3
c Status:     OPTIMAL
c Objective:  obj = 9 (MINimum)
c
s bas 2 2 f f 9
i 1 l 4 3
i 2 u 3 -1
j 1 b 3 0
j 2 b 1 0
e o f

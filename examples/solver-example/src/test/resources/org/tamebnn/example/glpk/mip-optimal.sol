c Problem:    model
c Rows:       3
c Columns:    3
c Non-zeros:  9
c Status:     INTEGER OPTIMAL
c Objective:  obj = 9 (MAXimum)
c
s mip 3 3 o 9
i 1 5
i 2 5
i 3 7
j 1 1
j 2 1
j 3 0
e o f

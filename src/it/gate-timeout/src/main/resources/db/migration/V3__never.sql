CREATE TABLE never_runs (id int);

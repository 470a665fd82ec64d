DROP TABLE task_schedules;
DROP TABLE tasks;

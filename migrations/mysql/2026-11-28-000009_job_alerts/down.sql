DROP TABLE alert_sent;
DROP TABLE job_alerts;

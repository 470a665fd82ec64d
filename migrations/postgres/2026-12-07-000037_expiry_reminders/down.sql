DROP TABLE posting_reminders;

DROP TABLE posting_stats;

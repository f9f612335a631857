DROP TABLE settings;
DROP TABLE login_failures;
DROP TABLE audit_log;
DROP TABLE api_tokens;
DROP TABLE sessions;
DROP TABLE users;
DROP TABLE departments;

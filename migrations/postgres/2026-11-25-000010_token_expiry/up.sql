-- An API token may be given an end; after it the token no longer opens the API.
ALTER TABLE api_tokens ADD COLUMN expires_at TIMESTAMP;

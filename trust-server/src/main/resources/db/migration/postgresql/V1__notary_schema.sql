-- Every version of every role is kept: N.role.json and role.<sha256>.json are served from here.
CREATE TABLE tuf_files (
  id BIGSERIAL PRIMARY KEY,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  gun VARCHAR(255) NOT NULL,
  role VARCHAR(255) NOT NULL,
  version INTEGER NOT NULL,
  sha256 CHAR(64) NOT NULL,
  data BYTEA NOT NULL,
  CONSTRAINT tuf_files_gun_role_version UNIQUE (gun, role, version)
);
CREATE INDEX tuf_files_sha256 ON tuf_files (gun, sha256);

-- One record per timestamp write ("update") or per deleted collection ("deletion").
CREATE TABLE changefeed (
  id BIGSERIAL PRIMARY KEY,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  gun VARCHAR(255) NOT NULL,
  version INTEGER NOT NULL,
  sha256 CHAR(64) NOT NULL,
  category VARCHAR(20) NOT NULL
);
CREATE INDEX changefeed_gun ON changefeed (gun, id);

-- Server-held timestamp/snapshot keys; the private part is AES-GCM encrypted.
CREATE TABLE server_keys (
  id BIGSERIAL PRIMARY KEY,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  gun VARCHAR(255) NOT NULL,
  role VARCHAR(32) NOT NULL,
  key_id CHAR(64) NOT NULL,
  algorithm VARCHAR(32) NOT NULL,
  public_key BYTEA NOT NULL,
  private_key_enc BYTEA NOT NULL,
  CONSTRAINT server_keys_gun_role_key UNIQUE (gun, role, key_id)
);

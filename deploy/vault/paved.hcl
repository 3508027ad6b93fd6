# Vault policy for Paved's token or AppRole: only the paths Paved writes.
# Assumes the KV v2 mount "secret" (PAVED_VAULT_KV_MOUNT); change the first two paths with it.
#   vault policy write paved deploy/vault/paved.hcl
# docs/operations.md explains each block.

# Secret values of the services Paved creates (paved:vault:secrets): <mount>/<owner>/<name>/<env>.
path "secret/data/*" {
  capabilities = ["create", "read", "update", "delete"]
}

# Their versions and custom metadata (the owner marker); deleting metadata removes every version.
path "secret/metadata/*" {
  capabilities = ["create", "read", "update", "delete", "list"]
}

# The read policy each service gets (<owner>-<name>-<env>-read-<hash>).
path "sys/policies/acl/*" {
  capabilities = ["create", "read", "update", "delete"]
}

# ...but never Paved's own policy, nor the built-in ones: deny wins over the grant above.
path "sys/policies/acl/paved" {
  capabilities = ["deny"]
}
path "sys/policies/acl/default" {
  capabilities = ["deny"]
}

# The Kubernetes auth role that binds a service's service account to its read policy.
path "auth/kubernetes/role/*" {
  capabilities = ["create", "read", "update", "delete"]
}

# Production access grants: a token with a time limit, made through the token role paved-grant
# (its allowed_policies bound what a grant can carry), and revoked by its accessor when the grant
# ends.
path "auth/token/create/paved-grant" {
  capabilities = ["create", "update"]
}
path "auth/token/lookup-accessor" {
  capabilities = ["update"]
}
path "auth/token/revoke-accessor" {
  capabilities = ["update"]
}

# Paved's own token: look itself up and renew (the health check and long-lived workers).
path "auth/token/lookup-self" {
  capabilities = ["read"]
}
path "auth/token/renew-self" {
  capabilities = ["update"]
}

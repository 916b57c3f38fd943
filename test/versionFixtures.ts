/** Files that fix the provider version: a `.terraform.lock.hcl` and a `required_providers` block. */

/** A lock file as `terraform init` writes it, locking one provider. */
export function lockFile(version: string, address = 'registry.terraform.io/huaweicloud/huaweicloud'): string {
  return `# This file is maintained automatically by "terraform init".
# Manual edits may be lost in future updates.

provider "${address}" {
  version     = "${version}"
  constraints = ">= 1.20.0"
  hashes = [
    "h1:0123456789abcdef=",
    "zh:0123456789abcdef",
  ]
}
`;
}

/** `terraform { required_providers { … } }` with one provider. */
export function versionsTf(constraint: string, localName = 'huaweicloud', source = 'huaweicloud/huaweicloud'): string {
  return `terraform {
  required_providers {
    ${localName} = {
      source  = "${source}"
      version = "${constraint}"
    }
  }
}
`;
}

# Correct configurations for all three providers: ELB Lens reports nothing here.
# One file per provider: huaweicloud.tf, opentelekomcloud.tf, flexibleengine.tf.

terraform {
  required_providers {
    huaweicloud = {
      source  = "huaweicloud/huaweicloud"
      version = ">= 1.91.0"
    }
    opentelekomcloud = {
      source = "opentelekomcloud/opentelekomcloud"
    }
    flexibleengine = {
      source = "FlexibleEngineCloud/flexibleengine"
    }
  }
}

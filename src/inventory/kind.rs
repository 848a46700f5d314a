use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

macro_rules! kinds {
    ($($variant:ident => $name:literal),+ $(,)?) => {
        /// The resource kinds of the normalized inventory.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Kind { $($variant),+ }

        impl Kind {
            pub const ALL: &'static [Kind] = &[$(Kind::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $(Kind::$variant => $name),+ }
            }
        }

        impl FromStr for Kind {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($name => Ok(Kind::$variant),)+
                    other => Err(format!(
                        "unknown resource kind `{other}` (expected one of: {})",
                        [$($name),+].join(", ")
                    )),
                }
            }
        }
    };
}

kinds! {
    Account => "aws.account",
    IamUser => "aws.iam.user",
    IamGroup => "aws.iam.group",
    IamRole => "aws.iam.role",
    IamPolicy => "aws.iam.policy",
    IamPasswordPolicy => "aws.iam.password_policy",
    S3Bucket => "aws.s3.bucket",
    S3AccountPublicAccessBlock => "aws.s3.account_public_access_block",
    EksCluster => "aws.eks.cluster",
    EksNodegroup => "aws.eks.nodegroup",
    Ec2Vpc => "aws.ec2.vpc",
    Ec2Subnet => "aws.ec2.subnet",
    Ec2SecurityGroup => "aws.ec2.security_group",
    Ec2NetworkAcl => "aws.ec2.network_acl",
    CloudtrailTrail => "aws.cloudtrail.trail",
    ConfigRecorder => "aws.config.recorder",
    GuarddutyDetector => "aws.guardduty.detector",
    SecurityhubHub => "aws.securityhub.hub",
    KmsKey => "aws.kms.key",
}

impl Kind {
    /// The AWS service the kind belongs to (`aws.iam.user` -> `iam`); the key of the live
    /// `aws.account` resource's `collection` map. `account` for `aws.account`.
    pub fn service(self) -> &'static str {
        let s = self.as_str();
        s.split('.').nth(1).unwrap_or(s)
    }
}

/// The services of live collection, each collected on its own and named by the `aws.<service>.*`
/// kinds it produces: `--service` takes these names, and the live `aws.account` resource's
/// `collection` map has one entry per service.
pub const SERVICES: &[&str] = &[
    "cloudtrail",
    "config",
    "ec2",
    "eks",
    "guardduty",
    "iam",
    "kms",
    "s3",
    "securityhub",
];

/// The `collection` entry of a service that was left out of a live scan on purpose
/// (`--service`): rules about it do not apply, rather than fail or error.
pub const SKIPPED: &str = "skipped";

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Kind {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Kind {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

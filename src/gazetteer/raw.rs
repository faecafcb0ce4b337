//! The TOML forms of `actors.toml` and `attribution.toml`, as read before compiling.

use serde::Deserialize;
use std::collections::BTreeMap;

use super::Role;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawActors {
    pub(super) version: String,
    #[serde(default)]
    pub(super) actor: Vec<RawActor>,
    #[serde(default)]
    pub(super) institution: Vec<RawInstitution>,
    #[serde(default)]
    pub(super) person: Vec<RawPerson>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawActor {
    pub(super) name: String,
    #[serde(default)]
    pub(super) track: bool,
    #[serde(default)]
    pub(super) names: Vec<String>,
    #[serde(default)]
    pub(super) demonyms: Vec<String>,
    #[serde(default)]
    pub(super) metonyms: Vec<String>,
    #[serde(default)]
    pub(super) media: Vec<String>,
    #[serde(default)]
    pub(super) places: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawInstitution {
    pub(super) actor: String,
    pub(super) role: Role,
    pub(super) aliases: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPerson {
    pub(super) name: String,
    pub(super) surname: String,
    pub(super) actor: String,
    pub(super) role: Role,
    #[serde(default)]
    pub(super) office: String,
    #[serde(default)]
    pub(super) aliases: Vec<String>,
    #[serde(default)]
    pub(super) from: Option<String>,
    #[serde(default)]
    pub(super) to: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawWords {
    pub(super) version: String,
    pub(super) speech: Vec<String>,
    pub(super) attitude: Vec<String>,
    pub(super) source_markers: Vec<String>,
    pub(super) documents: Vec<String>,
    pub(super) joint: Vec<String>,
    pub(super) experts: Vec<String>,
    pub(super) pronouns: Vec<String>,
    pub(super) plural_pronouns: Vec<String>,
    pub(super) document_pronouns: Vec<String>,
    pub(super) release_verbs: Vec<String>,
    pub(super) roles: BTreeMap<String, String>,
}

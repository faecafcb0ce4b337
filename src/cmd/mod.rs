//! One module per subcommand, each with a `run` taking the parsed arguments.

pub mod analyze;
pub mod collect;
pub mod corpus;
pub mod eval;
pub mod explain;
pub mod kwic;
pub mod lexicon;
pub mod map;
pub mod reduce;

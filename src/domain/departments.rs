//! Departments, where ideas come from.

/// The departments most companies start with; offered in one click on a fresh install.
pub const STARTER_SET: [&str; 6] = ["Marketing", "Customer care", "Sales", "Product", "PR", "HR"];

//! The five seed documents, embedded in the binary so `dossier` with no path opens them.

/// File name and bytes of each seed, in order.
pub const SEEDS: &[(&str, &[u8])] = &[
    (
        "000_404ec2c42b94d3b7.txt",
        include_bytes!("../../seeds/000_404ec2c42b94d3b7.txt"),
    ),
    (
        "001_3da0512b7a251565.txt",
        include_bytes!("../../seeds/001_3da0512b7a251565.txt"),
    ),
    (
        "002_002f127dc8075038.txt",
        include_bytes!("../../seeds/002_002f127dc8075038.txt"),
    ),
    (
        "003_1e451bf88da600a7.txt",
        include_bytes!("../../seeds/003_1e451bf88da600a7.txt"),
    ),
    (
        "004_884036b36d452cc2.txt",
        include_bytes!("../../seeds/004_884036b36d452cc2.txt"),
    ),
];

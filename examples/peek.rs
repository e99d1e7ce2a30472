fn main() {
    let path = std::env::args().nth(1).unwrap();
    let settings = claimtrace::Settings {
        inputs: vec![path.into()],
        ..Default::default()
    };
    let (items, _) = claimtrace::read_inputs(&settings, &claimtrace::NoProgress, &mut |e| {
        eprintln!("{e}")
    })
    .unwrap();
    for i in &items {
        let t = &i.text();
        let head: String = t.chars().take(90).collect();
        let tail: String = t
            .chars()
            .rev()
            .take(90)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        println!(
            "== {:?} | by {:?} | dl {:?} | {:?} | {:?} | au {:?} | cr {:?} | out {:?} | runs {} | w {:?}\n   HEAD {head:?}\n   TAIL {tail:?}",
            i.meta.title,
            i.meta.byline,
            i.meta.dateline,
            i.meta.published,
            i.meta.language,
            i.meta.authors,
            i.meta
                .credits
                .iter()
                .map(|c| (&c.outlet, c.date))
                .collect::<Vec<_>>(),
            i.meta.outlet,
            i.runs.len(),
            i.warnings
        );
    }
}

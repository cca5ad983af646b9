//! The `parallax` command: output formats and exit codes.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn parallax(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn analyzes_files_and_standard_input_to_json() {
    let out = parallax(
        &["analyze", "--date", "2025-03-14", "www/demo/rws-wire.txt", "-"],
        "Quay closed\nThe quay stayed closed on Friday while engineers checked the wall, the town said.".as_bytes(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["version"], 1);
    assert_eq!(report["documents"][0]["name"], "rws-wire.txt");
    assert_eq!(report["documents"][1]["name"], "-");
    assert_eq!(
        report["documents"][1]["date"], "2025-03-14",
        "the assumed date fills in"
    );
    assert_eq!(
        report["documents"][0]["date"], "--03-14",
        "a stated date wins"
    );
}

#[test]
fn markdown_output() {
    let out = parallax(
        &[
            "analyze",
            "--format",
            "markdown",
            "www/demo/rws-wire.txt",
            "www/demo/northbay-post.txt",
        ],
        b"",
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("# Parallax report"));
    assert!(text.contains("## Verbatim reuse"));
    assert!(text.contains("| Ilse Marrow |"));
}

#[test]
fn markdown_summary_puts_what_disagrees_first() {
    let demo = [
        "www/demo/rws-wire.txt",
        "www/demo/northbay-post.txt",
        "www/demo/continental-daily.txt",
        "www/demo/vellmar-herald.txt",
    ];
    let out = parallax(
        &[&["analyze", "--format", "markdown"][..], &demo].concat(),
        b"",
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let at = |heading: &str| {
        text.find(heading)
            .unwrap_or_else(|| panic!("{heading} in {text}"))
    };
    assert!(at("## What to check") < at("## What most sources report"));
    assert!(at("## Each source alone") < at("## Framing"));
    let check = &text[at("## What to check")..at("## What most sources report")];
    assert!(check.contains("**conflicting** quantity people"), "{check}");
    assert!(text.contains("## The same quote in several sources"));
}

#[test]
fn unreadable_input_exits_1_and_still_reports_the_rest() {
    let out = parallax(
        &["analyze", "www/demo/rws-wire.txt", "no/such/file.txt", "-"],
        b"%PDF-1.4 binary",
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no/such/file.txt"), "{stderr}");
    assert!(stderr.contains("PDF"), "{stderr}");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["documents"].as_array().unwrap().len(), 1);
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["analyze"][..],
        &["analyze", "--format", "xml", "a.txt"],
        &["analyze", "--date", "14/03/2025", "a.txt"],
        &["frobnicate"],
    ] {
        let out = parallax(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("usage"));
    }
}

#[test]
fn batch_prints_one_prediction_per_line() {
    let input = "{\"id\": \"a\", \"text\": \"Home\\nThe quay stayed closed on Friday while engineers checked the old harbour wall for cracks.\"}\n";
    let out = parallax(&["batch", "--task", "boilerplate"], input.as_bytes());
    assert!(out.status.success());
    let line: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(line["id"], "a");
    assert!(line["kept"].as_str().unwrap().starts_with("The quay"));
}

/// Three articles of two stories, interleaved, a line that is not JSON and
/// one without text, as `parallax batch` (no --task) reads them.
fn corpus_lines() -> String {
    let article = |id: &str, story: &str, text: &str, outlet: &str| {
        serde_json::json!({"id": id, "story": story, "text": text, "outlet": outlet, "date": "2025-03-14"})
            .to_string()
    };
    [
        article("q1", "quay", "Quay closed\n\nThe quay stayed closed on Friday while engineers checked the old harbour wall, the town said.\n\n“We will reopen it when it is safe,” said Ilse Marrow, the harbour master.", "Northbay Post"),
        article("m1", "mill", "Mill fire\n\nA fire destroyed the old mill in Tesselby on Thursday night, and 40 people left their homes.", "Harlow Courier"),
        "this line is not JSON".to_string(),
        r#"{"id": "q9", "story": "quay"}"#.to_string(),
        String::new(),
        article("q2", "quay", "Harbour wall\n\nEngineers checked the old harbour wall on Friday and the quay stayed closed, the town said.\n\n“We will reopen it when it is safe,” Ilse Marrow said.", "Daily Sentinel"),
    ]
    .join("\n")
        + "\n"
}

#[test]
fn batch_without_task_writes_one_report_per_story_in_order() {
    let out = parallax(&["batch"], corpus_lines().as_bytes());
    assert_eq!(out.status.code(), Some(1), "lines were skipped");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("line 3: not JSON"), "{stderr}");
    assert!(stderr.contains("line 4: no \"text\""), "{stderr}");
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // In the order of each story's first article; each the report `analyze` gives.
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["story"], "quay");
    assert_eq!(lines[1]["story"], "mill");
    let quay = &lines[0]["report"];
    assert_eq!(quay["version"], 1);
    let names: Vec<_> = quay["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["name"].clone())
        .collect();
    assert_eq!(names, ["q1", "q2"]);
    assert!(quay["comparison"]["statements"].as_array().is_some());
    assert_eq!(
        lines[1]["report"]["documents"][0]["outlet"], "Harlow Courier",
        "the record's outlet fills in"
    );
    assert_eq!(lines[1]["report"]["documents"][0]["date"], "2025-03-14");

    // A file argument reads the same; the same input always gives the same bytes.
    let file = std::env::temp_dir().join(format!("parallax-batch-{}.jsonl", std::process::id()));
    std::fs::write(&file, corpus_lines()).unwrap();
    let from_file = parallax(&["batch", file.to_str().unwrap()], b"");
    let again = parallax(&["batch", "-"], corpus_lines().as_bytes());
    std::fs::remove_file(&file).unwrap();
    assert_eq!(from_file.stdout, again.stdout);
    assert_eq!(
        String::from_utf8_lossy(&from_file.stdout).lines().count(),
        2
    );
}

#[test]
fn batch_cuts_a_story_at_its_limits_and_says_which_part() {
    let out = parallax(&["batch", "--max-articles", "1"], corpus_lines().as_bytes());
    let parts: Vec<(String, u64, usize)> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                v["story"].as_str().unwrap().to_string(),
                v["part"].as_u64().unwrap(),
                v["report"]["documents"].as_array().unwrap().len(),
            )
        })
        .collect();
    assert_eq!(
        parts,
        [
            ("quay".into(), 1, 1),
            ("mill".into(), 1, 1),
            ("quay".into(), 2, 1)
        ]
    );
    // The budget for all open stories: the oldest is analyzed first.
    let out = parallax(&["batch", "--budget", "100"], corpus_lines().as_bytes());
    let stories: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["story"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(stories, ["quay", "mill", "quay"]);
    // Usage errors still exit 2, and --task modes are as they were.
    for args in [
        &["batch", "--budget"][..],
        &["batch", "--frobnicate"],
        &["batch", "a", "b"],
        &["batch", "--task", "nothing"],
    ] {
        let out = parallax(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn corrections_from_a_file_reach_facts_dates_speakers_and_names() {
    let article = "Tide mill reopens in Orwen\n\
        The restored mill opened to visitors on Saturday, trust chair Hana Lind said.\n\
        “It turns again,” Lind said.\n\
        Repairs to the wheel and the sluice took six years and were paid for by local donors.";
    let corrections = serde_json::json!({ "corrections": {
        "facts": [{ "doc": "-", "outlet": "Orwen Gazette", "date": "2031-05-12" }],
        "speakers": [{ "doc": "-", "start": 105, "speaker": "the Orwen Mill Trust" }],
        "merges": [{ "into": "Orwen Mill Trust", "from": "the Orwen Mill Trust" }],
    }});
    let file =
        std::env::temp_dir().join(format!("parallax-corrections-{}.json", std::process::id()));
    std::fs::write(&file, corrections.to_string()).unwrap();
    let out = parallax(
        &["analyze", "--corrections", file.to_str().unwrap(), "-"],
        article.as_bytes(),
    );
    std::fs::remove_file(&file).unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let document = &report["documents"][0];
    assert_eq!(document["outlet"], "Orwen Gazette");
    assert_eq!(document["date"], "2031-05-12");
    let saturday = document["dates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["text"] == "Saturday");
    assert_eq!(
        saturday.unwrap()["value"],
        "2031-05-10",
        "counted from the reader's date"
    );
    let quote = &document["quotes"][0];
    assert_eq!(quote["start"], 105, "{quote}");
    assert_eq!(quote["speaker"], "Orwen Mill Trust");

    let bad = parallax(&["analyze", "--corrections", "no/such/file.json", "-"], b"");
    assert_eq!(bad.status.code(), Some(2));
}

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

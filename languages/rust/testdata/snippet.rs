use std::collections::HashMap;
use std::fmt;

/// A word frequency table.
#[derive(Debug, Default)]
pub struct Freq<'a> {
    counts: HashMap<&'a str, usize>,
}

impl<'a> Freq<'a> {
    pub fn from_text(text: &'a str) -> Self {
        let mut counts = HashMap::new();
        for word in text.split_whitespace() {
            *counts.entry(word).or_insert(0) += 1;
        }
        Freq { counts }
    }

    pub fn top(&self, n: usize) -> Vec<(&'a str, usize)> {
        let mut v: Vec<_> = self.counts.iter().map(|(w, c)| (*w, *c)).collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        v.truncate(n);
        v
    }
}

impl fmt::Display for Freq<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (word, count) in self.top(3) {
            writeln!(f, "{word}: {count}")?;
        }
        Ok(())
    }
}

fn main() {
    let freq = Freq::from_text("a b a c b a");
    println!("{}", freq);
}

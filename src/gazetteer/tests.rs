use crate::pipeline::Config;

#[test]
fn the_sieve_keeps_every_first_word() {
    let g = Config::load(None).unwrap().gazetteer;
    for w in g.first_words.keys() {
        assert!(g.starts_phrase(w), "{w}");
    }
    for w in ["", "zzzz", "the", "said", "china", "macron", "x"] {
        assert_eq!(g.starts_phrase(w), g.first_words.contains_key(w), "{w}");
    }
    let text = "The French foreign ministry's spokesperson, Mao Ning, said: “Zzz Xi-Macron U.S. \
                plainly-unknown extraordinarily-long-words and Élysée”";
    for t in crate::mention::tokenize(text) {
        let (a, b) = (g.first_word_of(&t.norm), g.first_word(t.norm.as_str()));
        assert_eq!(
            a.map(|f| (f.longer, &f.alone)),
            b.map(|f| (f.longer, &f.alone))
        );
    }
}

#[test]
fn the_walk_meets_every_phrase() {
    let g = Config::load(None).unwrap().gazetteer;
    for (key, ws) in &g.dict {
        let words: Vec<&str> = key.split(' ').collect();
        let first = &g.first_words[words[0]];
        if words.len() == 1 {
            assert_eq!(&first.alone, ws, "{key}");
            continue;
        }
        assert!(first.longer, "{key}");
        for n in 2..words.len() {
            assert!(g.prefixes[&words[..n].join(" ")].longer, "{key}");
        }
        assert_eq!(&g.prefixes[key].meanings, ws, "{key}");
    }
    for (w, first) in &g.first_words {
        assert_eq!(first.alone.is_empty(), !g.dict.contains_key(w), "{w}");
    }
    for (p, prefix) in &g.prefixes {
        assert_eq!(prefix.meanings.is_empty(), !g.dict.contains_key(p), "{p}");
    }
}

#[test]
fn a_surname_names_the_one_person_who_has_it() {
    let g = Config::load(None).unwrap().gazetteer;
    let scan = |surname: &str| {
        let mut fits = (0..g.persons.len()).filter(|&i| g.folded_surname(i) == surname);
        let first = fits.next();
        first.filter(|_| fits.next().is_none())
    };
    for p in 0..g.persons.len() {
        let s = g.folded_surname(p);
        assert_eq!(g.by_surname(s), scan(s), "{s}");
    }
    for s in ["", "zzz", "wang", "macron", "xi", "li"] {
        assert_eq!(g.by_surname(s), scan(s), "{s}");
    }
}

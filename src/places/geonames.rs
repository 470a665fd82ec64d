//! GeoNames' dump files (https://download.geonames.org/export/dump/, CC BY 4.0): a cities
//! file (`cities15000.txt` and its siblings, one tab-separated place per line) and, optionally,
//! `alternateNamesV2.txt` for the names in each language.

use std::collections::HashMap;
use std::io::BufRead;

use super::ImportedPlace;
use crate::i18n::Locale;

/// The places of a cities file; lines that are not a place record are counted, not fatal.
pub fn read_cities(input: impl BufRead) -> Result<(Vec<ImportedPlace>, usize), String> {
    let (mut places, mut malformed) = (Vec::new(), 0);
    for (n, line) in input.lines().enumerate() {
        let line = line.map_err(|e| format!("reading line {}: {e}", n + 1))?;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        match parse_city(&line) {
            Some(place) => places.push(place),
            None => malformed += 1,
        }
    }
    Ok((places, malformed))
}

/// geonameid, name, asciiname, alternatenames, latitude, longitude, feature class and code,
/// country code, cc2, four admin codes, population, elevation, dem, timezone, modified.
fn parse_city(line: &str) -> Option<ImportedPlace> {
    let f: Vec<&str> = line.split('\t').collect();
    if f.len() < 15 {
        return None;
    }
    Some(ImportedPlace {
        geonames_id: f[0].parse().ok()?,
        name: f[1].trim().to_owned(),
        country: f[8].trim().to_ascii_uppercase(),
        latitude: f[4].parse().ok()?,
        longitude: f[5].parse().ok()?,
        population: f[14].parse().unwrap_or(0),
        names: Vec::new(),
    })
}

/// Adds each place's name in the board's languages from an alternate names file: the one
/// marked preferred, else the first that is neither short, colloquial nor historic. An English
/// name replaces the main one (GeoNames' main name is often the local one: "Köln").
pub fn read_alternate_names(
    input: impl BufRead,
    places: &mut [ImportedPlace],
) -> Result<usize, String> {
    let position: HashMap<i64, usize> =
        places.iter().enumerate().map(|(i, p)| (p.geonames_id, i)).collect();
    // (place, locale) → (name, preferred)
    let mut chosen: HashMap<(usize, Locale), (String, bool)> = HashMap::new();
    for (n, line) in input.lines().enumerate() {
        let line = line.map_err(|e| format!("reading line {}: {e}", n + 1))?;
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 8 {
            continue;
        }
        let Some(&at) = f[1].parse().ok().and_then(|id: i64| position.get(&id)) else {
            continue;
        };
        let Some(locale) = Locale::parse(f[2]) else { continue };
        let (name, preferred) = (f[3].trim(), f[4] == "1");
        if name.is_empty() || f[5] == "1" || f[6] == "1" || f[7] == "1" {
            continue;
        }
        let entry = chosen.entry((at, locale));
        match entry {
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert((name.to_owned(), preferred));
            }
            std::collections::hash_map::Entry::Occupied(mut o) if preferred && !o.get().1 => {
                o.insert((name.to_owned(), true));
            }
            std::collections::hash_map::Entry::Occupied(_) => {}
        }
    }
    let count = chosen.len();
    let mut chosen: Vec<_> = chosen.into_iter().collect();
    chosen.sort_by_key(|((at, locale), _)| (*at, locale.index()));
    for ((at, locale), (name, _)) in chosen {
        let place = &mut places[at];
        if locale == Locale::EN {
            let local = std::mem::replace(&mut place.name, name);
            place.names.push((Locale::EN, local));
        } else {
            place.names.push((locale, name));
        }
    }
    // The local name kept under English above was only a stand-in: drop it.
    for place in places.iter_mut() {
        place.names.retain(|(l, _)| *l != Locale::EN);
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CITIES: &str = "2886242\tKöln\tKoeln\tCologne,Kelna\t50.93333\t6.95\tP\tPPLA2\tDE\t\t07\t053\t05315\t05315000\t963395\t\t54\tEurope/Berlin\t2023-01-01\n\
        2867714\tMunich\tMunich\tMuenchen\t48.13743\t11.57549\tP\tPPLA\tDE\t\t02\t091\t09162\t09162000\t1260391\t\t524\tEurope/Berlin\t2023-01-01\n\
        not a record\n";

    #[test]
    fn reads_cities_and_counts_what_it_cannot() {
        let (places, malformed) = read_cities(CITIES.as_bytes()).unwrap();
        assert_eq!(malformed, 1);
        assert_eq!(places.len(), 2);
        assert_eq!(places[0].name, "Köln");
        assert_eq!(places[0].country, "DE");
        assert_eq!(places[1].population, 1_260_391);
        assert!((places[1].latitude - 48.13743).abs() < 1e-9);
    }

    #[test]
    fn alternate_names_give_english_and_the_board_languages() {
        let (mut places, _) = read_cities(CITIES.as_bytes()).unwrap();
        let names = "1\t2886242\ten\tCologne\t1\t\t\t\t\t\n\
            2\t2886242\tde\tKöln\t1\t\t\t\t\t\n\
            3\t2886242\tuk\tКельн\t\t\t\t\t\t\n\
            4\t2867714\tde\tMünchen\t\t\t\t\t\t\n\
            5\t2867714\tde\tMinga\t\t\t1\t\t\t\n\
            6\t2867714\tfr\tMunich\t\t\t\t\t\t\n\
            7\t2867714\tuk\tМюнхен\t\t\t\t\t\t\n";
        assert_eq!(read_alternate_names(names.as_bytes(), &mut places).unwrap(), 5);
        assert_eq!(places[0].name, "Cologne");
        assert_eq!(
            places[0].names,
            [(Locale::DE, "Köln".to_owned()), (Locale::UK, "Кельн".to_owned())]
        );
        assert_eq!(places[1].name, "Munich");
        assert_eq!(
            places[1].names,
            [(Locale::DE, "München".to_owned()), (Locale::UK, "Мюнхен".to_owned())]
        );
    }
}

//! ISO code lists the rate card is checked against: ISO 3166-1 alpha-2 country codes and
//! ISO 4217 currency codes.
//!
//! Generated once from Debian's `iso-codes` 4.15.0 (`/usr/share/iso-codes/json`); both lists are
//! sorted so lookups are binary searches.

/// Every ISO 3166-1 alpha-2 country code (249 codes), sorted, two letters each in one string
/// ([`country_codes`] lists them). As a list of `&str` each code would also cost a pointer and a
/// length in the WebAssembly's data (2 KB for this list).
pub const COUNTRY_CODES: &str =
    "ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCD\
    CFCGCHCICKCLCMCNCOCRCUCVCWCXCYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGF\
    GGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHUIDIEILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKN\
    KPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNA\
    NCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSI\
    SJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVI\
    VNVUWFWSYEYTZAZMZW";

/// Every active ISO 4217 currency code (181 codes), sorted, three letters each in one string.
pub const CURRENCY_CODES: &str =
    "AEDAFNALLAMDANGAOAARSAUDAWGAZNBAMBBDBDTBGNBHDBIFBMDBNDBOBBOVBRLBSDBTNBWPBYNBZDCADCDFCHECHF\
    CHWCLFCLPCNYCOPCOUCRCCUCCUPCVECZKDJFDKKDOPDZDEGPERNETBEURFJDFKPGBPGELGHSGIPGMDGNFGTQGYDHKD\
    HNLHRKHTGHUFIDRILSINRIQDIRRISKJMDJODJPYKESKGSKHRKMFKPWKRWKWDKYDKZTLAKLBPLKRLRDLSLLYDMADMDL\
    MGAMKDMMKMNTMOPMRUMURMVRMWKMXNMXVMYRMZNNADNGNNIONOKNPRNZDOMRPABPENPGKPHPPKRPLNPYGQARRONRSD\
    RUBRWFSARSBDSCRSDGSEKSGDSHPSLESLLSOSSRDSSPSTNSVCSYPSZLTHBTJSTMTTNDTOPTRYTTDTWDTZSUAHUGXUSD\
    USNUYIUYUUYWUZSVEDVESVNDVUVWSTXAFXAGXAUXBAXBBXBCXBDXCDXDRXOFXPDXPFXPTXSUXTSXUAXXXYERZARZMW\
    ZWL";

/// Whether `code` is an ISO 3166-1 alpha-2 country code (upper case, as the standard writes it).
pub fn is_country_code(code: &str) -> bool {
    packed_contains(COUNTRY_CODES, 2, code)
}

/// Whether `code` is an active ISO 4217 currency code (upper case).
pub fn is_currency_code(code: &str) -> bool {
    packed_contains(CURRENCY_CODES, 3, code)
}

/// The ISO 3166-1 alpha-2 country codes, in order.
pub fn country_codes() -> impl Iterator<Item = &'static str> {
    packed(COUNTRY_CODES, 2)
}

/// The codes of `list`, `width` letters each.
fn packed(list: &'static str, width: usize) -> impl Iterator<Item = &'static str> {
    (0..list.len() / width).filter_map(move |i| list.get(i * width..(i + 1) * width))
}

/// Whether the sorted `list` of `width`-letter codes holds `code` (a binary search).
fn packed_contains(list: &str, width: usize, code: &str) -> bool {
    if code.len() != width {
        return false;
    }
    let (mut low, mut high) = (0, list.len() / width);
    while low < high {
        let middle = (low + high) / 2;
        match list.get(middle * width..(middle + 1) * width) {
            Some(c) if c == code => return true,
            Some(c) if c < code => low = middle + 1,
            _ => high = middle,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn lists_are_sorted_for_binary_search() {
        for (list, width, count) in [(COUNTRY_CODES, 2, 249), (CURRENCY_CODES, 3, 181)] {
            assert_eq!(list.len(), width * count);
            assert!(list.bytes().all(|b| b.is_ascii_uppercase()));
            let codes: Vec<&str> = packed(list, width).collect();
            assert_eq!(codes.len(), count);
            assert!(codes.windows(2).all(|w| w[0] < w[1]));
        }
        assert_eq!(country_codes().next(), Some("AD"));
        assert_eq!(country_codes().last(), Some("ZW"));
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn known_and_unknown_codes() {
        assert!(is_country_code("DE"));
        assert!(is_country_code("ZW"));
        assert!(!is_country_code("XK")); // Kosovo has no ISO 3166-1 code
        assert!(!is_country_code("de"));
        assert!(is_country_code("AD")); // the first
        assert!(!is_country_code("D"));
        assert!(!is_country_code("DEU"));
        assert!(is_currency_code("EUR"));
        assert!(is_currency_code("AED") && is_currency_code("ZWL")); // the first and the last
        assert!(!is_currency_code("EURO"));
        assert!(!is_currency_code("EU"));
    }
}

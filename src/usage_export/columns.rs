//! The export's columns, found by name whatever the spelling: the admin center's CSV headers
//! ("Call Type", "Duration Seconds") and Graph's `pstnCallLogRow` fields (`callType`,
//! `duration`) are folded to lower-case letters and digits and matched against known names.

/// A column the import reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Column {
    /// `Call Type` / `callType`: `conf_in`, `conf_out`, `user_in`, …
    CallType,
    /// `Number Type` / `inventoryType`: toll or toll-free.
    NumberType,
    /// `Destination Dialed` / `destinationName`: a country or region name.
    DestinationDialed,
    /// `External Country` (ISO 3166-1 alpha-2 of the country dialled; current exports only).
    ExternalCountry,
    /// `Destination Number` / `calleeNumber`: the number dialled (E.164; for a dial-in leg,
    /// the conference number). `Caller ID` / `callerNumber` is the caller's own number in the
    /// current documentation and is never read.
    DestinationNumber,
    /// `Duration Seconds` / `duration`.
    Duration,
    /// `Start Time` / `startDateTime` (UTC, ISO 8601).
    StartTime,
    /// `Charge` / `charge`: what the tenant was billed for the call.
    Charge,
    /// `Connection Fee` / `connectionCharge`.
    ConnectionFee,
    /// `Currency` / `currency` (ISO 4217).
    Currency,
    /// `Capability` / `licenseCapability`: the licence used.
    Capability,
    /// `UPN` / `userPrincipalName`: the user (the organiser of a conference row).
    Upn,
    /// `tenantCountryCode` (Graph only): where the organisation is.
    TenantCountry,
}

impl Column {
    /// Every column, in the order of the index arrays.
    pub const ALL: [Column; 13] = [
        Column::CallType,
        Column::NumberType,
        Column::DestinationDialed,
        Column::ExternalCountry,
        Column::DestinationNumber,
        Column::Duration,
        Column::StartTime,
        Column::Charge,
        Column::ConnectionFee,
        Column::Currency,
        Column::Capability,
        Column::Upn,
        Column::TenantCountry,
    ];

    /// The column's name in the admin center's export, for messages.
    pub fn export_name(self) -> &'static str {
        match self {
            Column::CallType => "Call Type",
            Column::NumberType => "Number Type",
            Column::DestinationDialed => "Destination Dialed",
            Column::ExternalCountry => "External Country",
            Column::DestinationNumber => "Destination Number",
            Column::Duration => "Duration Seconds",
            Column::StartTime => "Start Time",
            Column::Charge => "Charge",
            Column::ConnectionFee => "Connection Fee",
            Column::Currency => "Currency",
            Column::Capability => "Capability",
            Column::Upn => "UPN",
            Column::TenantCountry => "tenantCountryCode",
        }
    }
}

/// Lower-case ASCII letters and digits of `text` ("Domestic/International" →
/// "domesticinternational").
pub fn fold(text: &str) -> String {
    text.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Columns of the export that are known and deliberately not read.
const KNOWN_UNUSED: &[&str] = &[
    "usageid",
    "callid",
    "conferenceid",
    "userlocation",
    "aadobjectid",
    "userdisplayname",
    "domesticinternational",
    "endtime",
    "endtimeutc",
    "enddatetime",
    "id",
    "userid",
    "userdisplayname",
    "callernumber",
    "callerid",
    "microsoftentraobjectid",
    "entraobjectid",
    "calldirection",
    "sourceofcallduration",
    "calldurationsource",
    "administrativeunits",
    "usagecountrycode",
    "callid",
    "operator",
    "clientlocalipv4address",
    "clientlocalipv6address",
    "clientpublicipv4address",
    "clientpublicipv6address",
    "otherpartycountrycode",
    "timezone",
    "odatatype",
    "odataetag",
];

/// The column a header names, if the import reads it.
pub fn column_of(header: &str) -> Option<Column> {
    Some(match fold(header).as_str() {
        "calltype" => Column::CallType,
        "numbertype" | "inventorytype" => Column::NumberType,
        "destinationdialed" | "destinationname" | "destination" => Column::DestinationDialed,
        "externalcountry" | "externalcountrycode" | "countrycodedialed" => Column::ExternalCountry,
        "destinationnumber" | "calleenumber" | "numbercalled" => Column::DestinationNumber,
        "durationseconds" | "duration" | "durationsec" | "durationinseconds" => Column::Duration,
        "starttime" | "startdatetime" | "starttimeutc" => Column::StartTime,
        "charge" => Column::Charge,
        "connectionfee" | "connectioncharge" => Column::ConnectionFee,
        "currency" => Column::Currency,
        "capability" | "licensecapability" | "licencecapability" => Column::Capability,
        "upn" | "userprincipalname" => Column::Upn,
        "tenantcountrycode" => Column::TenantCountry,
        _ => return None,
    })
}

/// Where each read column is in a CSV row, and the headers that were not understood.
#[derive(Debug, Clone, Default)]
pub struct Header {
    /// Field index per [`Column::ALL`] position.
    pub index: [Option<usize>; Column::ALL.len()],
    /// Headers neither read nor known to be unneeded, as written.
    pub not_understood: Vec<String>,
}

impl Header {
    /// Maps a CSV header row. The first of two columns with the same meaning is used.
    pub fn from_names<'a>(names: impl IntoIterator<Item = &'a str>) -> Header {
        let mut header = Header::default();
        for (i, name) in names.into_iter().enumerate() {
            match column_of(name) {
                Some(c) => {
                    let slot = &mut header.index[c as usize];
                    if slot.is_none() {
                        *slot = Some(i);
                    }
                }
                None if KNOWN_UNUSED.contains(&fold(name).as_str()) || name.trim().is_empty() => {}
                None => header.not_understood.push(name.chars().take(80).collect()),
            }
        }
        header
    }

    /// The field index of `column`, if the header has it.
    pub fn get(&self, column: Column) -> Option<usize> {
        self.index[column as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn admin_center_and_graph_names_and_their_variants() {
        assert_eq!(column_of("Call Type"), Some(Column::CallType));
        assert_eq!(column_of("call_type"), Some(Column::CallType));
        assert_eq!(column_of("callType"), Some(Column::CallType));
        assert_eq!(column_of(" DURATION SECONDS "), Some(Column::Duration));
        assert_eq!(column_of("inventoryType"), Some(Column::NumberType));
        // The caller's own number is never read (usage-export.md): a known, unused column.
        assert_eq!(column_of("Caller ID"), None);
        assert_eq!(column_of("callerNumber"), None);
        assert_eq!(column_of("calleeNumber"), Some(Column::DestinationNumber));
        assert_eq!(column_of("External Country"), Some(Column::ExternalCountry));
        assert_eq!(
            column_of("Destination Dialed"),
            Some(Column::DestinationDialed)
        );
        assert_eq!(column_of("licenseCapability"), Some(Column::Capability));
        assert_eq!(column_of("Lunch"), None);
    }

    #[test]
    fn a_header_row_keeps_what_it_did_not_understand() {
        let h = Header::from_names(["UsageId", "Call Type", "Mood", "Duration Seconds", ""]);
        assert_eq!(h.get(Column::CallType), Some(1));
        assert_eq!(h.get(Column::Duration), Some(3));
        assert_eq!(h.get(Column::Charge), None);
        assert_eq!(h.not_understood, vec!["Mood".to_string()]);
    }
}

"""US states and state-equivalents by FIPS code, as BLS files code them, with their USPS codes.

The 50 states, the District of Columbia and the territories the BLS publishes state figures
for (Guam, Puerto Rico, the US Virgin Islands). The ISO 3166-2 code of each is "US-" and its
USPS code (`US-WA`, `US-DC`, `US-PR`), which `iso_3166_2` spells.
"""

#: FIPS state code (two digits, as text) -> USPS code.
USPS_BY_FIPS: dict[str, str] = {
    "01": "AL",
    "02": "AK",
    "04": "AZ",
    "05": "AR",
    "06": "CA",
    "08": "CO",
    "09": "CT",
    "10": "DE",
    "11": "DC",
    "12": "FL",
    "13": "GA",
    "15": "HI",
    "16": "ID",
    "17": "IL",
    "18": "IN",
    "19": "IA",
    "20": "KS",
    "21": "KY",
    "22": "LA",
    "23": "ME",
    "24": "MD",
    "25": "MA",
    "26": "MI",
    "27": "MN",
    "28": "MS",
    "29": "MO",
    "30": "MT",
    "31": "NE",
    "32": "NV",
    "33": "NH",
    "34": "NJ",
    "35": "NM",
    "36": "NY",
    "37": "NC",
    "38": "ND",
    "39": "OH",
    "40": "OK",
    "41": "OR",
    "42": "PA",
    "44": "RI",
    "45": "SC",
    "46": "SD",
    "47": "TN",
    "48": "TX",
    "49": "UT",
    "50": "VT",
    "51": "VA",
    "53": "WA",
    "54": "WV",
    "55": "WI",
    "56": "WY",
    "66": "GU",
    "72": "PR",
    "78": "VI",
}

#: The USPS codes of the table.
USPS_CODES: frozenset[str] = frozenset(USPS_BY_FIPS.values())


def iso_3166_2(usps: str) -> str:
    """The ISO 3166-2 code of a state or state-equivalent given by its USPS code."""
    return f"US-{usps}"

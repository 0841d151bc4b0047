"""Generate a large synthetic dataset in the loader's own format, for benchmarks.

    .venv/bin/python bench/scale_dataset.py --out /tmp/scale [--scale 1.0] [--seed 1]

At `--scale 1.0` it writes 500 companies, 10,000 roles, 2,000 skills, a ladder per company,
a region tree of real ISO 3166 countries with their ISO 4217 currencies, 1,000,000 salary
bands, interview processes and 100,000 questions; counts scale linearly, with a floor that
keeps every API endpoint populated at tiny scales (a CI smoke run uses 0.0005).

The output is JSON (it parses far faster than YAML), big collections split over several
files. Everything comes from one seeded `random.Random`, so the same arguments give the
same bytes. Every item names a source titled "Generated benchmark data": this is not
career data and never belongs in fixtures/.
"""

import argparse
import json
import random
import shutil
import sys
import time
from collections import Counter
from pathlib import Path

# Per-collection counts at scale 1.0, and the floor kept at tiny scales.
COUNTS = {
    "sources": (40, 2),
    "families": (40, 3),
    "companies": (500, 3),
    "skills": (2_000, 20),
    "roles": (10_000, 6),
    "competencies": (300, 3),
    "topics": (500, 4),
    "interview_processes": (2_000, 2),
    "salary_bands": (1_000_000, 60),
    "questions": (100_000, 12),
}

# Items per file for the collections that are split.
CHUNKS = {"roles": 1_000, "salary_bands": 50_000, "questions": 10_000}

# ISO 4217 currencies: code, name, symbol, rough USD per unit (for plausible amounts).
CURRENCIES = [
    ("USD", "US Dollar", "$", 1.0),
    ("CAD", "Canadian Dollar", "CA$", 0.74),
    ("MXN", "Mexican Peso", "MX$", 0.058),
    ("BRL", "Brazilian Real", "R$", 0.2),
    ("ARS", "Argentine Peso", "AR$", 0.0011),
    ("CLP", "Chilean Peso", "CLP$", 0.0011),
    ("COP", "Colombian Peso", "COL$", 0.00025),
    ("EUR", "Euro", "€", 1.08),
    ("GBP", "Pound Sterling", "£", 1.27),
    ("CHF", "Swiss Franc", "CHF", 1.13),
    ("SEK", "Swedish Krona", "kr", 0.095),
    ("NOK", "Norwegian Krone", "kr", 0.093),
    ("DKK", "Danish Krone", "kr.", 0.145),
    ("PLN", "Polish Zloty", "zł", 0.25),
    ("CZK", "Czech Koruna", "Kč", 0.043),
    ("INR", "Indian Rupee", "₹", 0.012),
    ("SGD", "Singapore Dollar", "S$", 0.74),
    ("JPY", "Yen", "¥", 0.0067),
    ("KRW", "Won", "₩", 0.00073),
    ("CNY", "Yuan Renminbi", "¥", 0.14),
    ("AUD", "Australian Dollar", "A$", 0.66),
    ("NZD", "New Zealand Dollar", "NZ$", 0.6),
    ("ILS", "New Israeli Sheqel", "₪", 0.27),
    ("AED", "UAE Dirham", "AED", 0.27),
    ("ZAR", "Rand", "R", 0.054),
    ("NGN", "Naira", "₦", 0.00065),
    ("KES", "Kenyan Shilling", "KSh", 0.0077),
    ("EGP", "Egyptian Pound", "E£", 0.021),
    ("PHP", "Philippine Peso", "₱", 0.018),
    ("VND", "Dong", "₫", 0.00004),
    ("IDR", "Rupiah", "Rp", 0.000063),
    ("MYR", "Malaysian Ringgit", "RM", 0.21),
]

# Areas and their countries (ISO 3166-1 alpha-2, name, currency, metros).
AREAS = {
    ("north-america", "North America"): [
        ("US", "United States", "USD", ["Seattle", "San Francisco", "New York", "Austin"]),
        ("CA", "Canada", "CAD", ["Toronto", "Vancouver", "Montreal"]),
        ("MX", "Mexico", "MXN", ["Mexico City", "Guadalajara"]),
    ],
    ("latin-america", "Latin America"): [
        ("BR", "Brazil", "BRL", ["São Paulo", "Rio de Janeiro"]),
        ("AR", "Argentina", "ARS", ["Buenos Aires"]),
        ("CL", "Chile", "CLP", ["Santiago"]),
        ("CO", "Colombia", "COP", ["Bogotá", "Medellín"]),
    ],
    ("western-europe", "Western Europe"): [
        ("GB", "United Kingdom", "GBP", ["London", "Manchester", "Edinburgh"]),
        ("IE", "Ireland", "EUR", ["Dublin"]),
        ("DE", "Germany", "EUR", ["Berlin", "Munich", "Hamburg"]),
        ("FR", "France", "EUR", ["Paris", "Lyon"]),
        ("NL", "Netherlands", "EUR", ["Amsterdam"]),
        ("ES", "Spain", "EUR", ["Madrid", "Barcelona"]),
        ("IT", "Italy", "EUR", ["Milan"]),
        ("PT", "Portugal", "EUR", ["Lisbon"]),
        ("CH", "Switzerland", "CHF", ["Zurich", "Geneva"]),
    ],
    ("northern-europe", "Northern Europe"): [
        ("SE", "Sweden", "SEK", ["Stockholm"]),
        ("NO", "Norway", "NOK", ["Oslo"]),
        ("DK", "Denmark", "DKK", ["Copenhagen"]),
        ("FI", "Finland", "EUR", ["Helsinki"]),
    ],
    ("eastern-europe", "Eastern Europe"): [
        ("PL", "Poland", "PLN", ["Warsaw", "Kraków"]),
        ("CZ", "Czechia", "CZK", ["Prague"]),
    ],
    ("asia-pacific", "Asia-Pacific"): [
        ("IN", "India", "INR", ["Bengaluru", "Hyderabad", "Pune"]),
        ("JP", "Japan", "JPY", ["Tokyo"]),
        ("KR", "Korea, Republic of", "KRW", ["Seoul"]),
        ("CN", "China", "CNY", ["Shanghai", "Shenzhen"]),
        ("AU", "Australia", "AUD", ["Sydney", "Melbourne"]),
        ("NZ", "New Zealand", "NZD", ["Auckland"]),
    ],
    ("southeast-asia", "Southeast Asia"): [
        ("SG", "Singapore", "SGD", ["Singapore City"]),
        ("PH", "Philippines", "PHP", ["Manila"]),
        ("VN", "Viet Nam", "VND", ["Ho Chi Minh City"]),
        ("ID", "Indonesia", "IDR", ["Jakarta"]),
        ("MY", "Malaysia", "MYR", ["Kuala Lumpur"]),
    ],
    ("middle-east-africa", "Middle East and Africa"): [
        ("IL", "Israel", "ILS", ["Tel Aviv"]),
        ("AE", "United Arab Emirates", "AED", ["Dubai"]),
        ("ZA", "South Africa", "ZAR", ["Cape Town", "Johannesburg"]),
        ("NG", "Nigeria", "NGN", ["Lagos"]),
        ("KE", "Kenya", "KES", ["Nairobi"]),
        ("EG", "Egypt", "EGP", ["Cairo"]),
    ],
}


def words(text: str, sep: str | None = None) -> list[str]:
    """Long word lists read better as text."""
    return text.split(sep)


AREA_PARENTS = {"western-europe": "europe", "northern-europe": "europe", "eastern-europe": "europe"}

WORDS = words(
    "build design operate scale reliable distributed services platform teams customers data "
    "pipelines latency throughput ownership review deploy monitor incident postmortem cloud "
    "infrastructure security compliance performance cost capacity planning roadmap mentor "
    "stakeholders product requirements architecture APIs storage queues caching observability "
    "automation testing release quality migration legacy systems integration analytics models "
    "training evaluation experiments metrics dashboards on-call runbooks documentation backlog "
    "prioritise deliver impact cross-functional partners standards tooling frameworks libraries "
    "open-source community hiring interviews growth career leadership strategy budget vendors"
)
TECH = words(
    "Python Java Go Rust TypeScript JavaScript Kotlin Swift Scala Ruby PHP C++ C# Elixir Haskell "
    "SQL PostgreSQL MySQL Redis Cassandra DynamoDB MongoDB Elasticsearch Kafka RabbitMQ Spark "
    "Flink Airflow dbt Snowflake BigQuery Redshift Terraform Ansible Kubernetes Docker Helm "
    "Prometheus Grafana Datadog Jenkins GitHub-Actions React Vue Angular Django Flask FastAPI "
    "Spring Rails Node.js GraphQL gRPC Lambda S3 EC2 ECS Fargate CloudFormation Azure GCP AWS "
    "PyTorch TensorFlow scikit-learn Pandas NumPy Jupyter Tableau Looker Figma Jira Linux Nginx"
)
SKILL_QUALIFIERS = [
    "",
    "Advanced",
    "Applied",
    "Cloud",
    "Enterprise",
    "Managed",
    "Distributed",
    "Secure",
    "Embedded",
    "Realtime",
    "Serverless",
    "Mobile",
    "Streaming",
    "Analytics",
    "Platform",
    "Edge",
    "Scalable",
    "Automated",
    "Open",
    "Hybrid",
    "Federated",
    "Modern",
    "Core",
    "Applied ML",
    "Data",
    "Web",
    "Systems",
    "Legacy",
    "Regulated",
    "High-availability",
]
SKILL_CATEGORIES = [
    "language",
    "cloud_service",
    "database",
    "framework",
    "tool",
    "practice",
    "domain",
    "soft_skill",
    "certification",
]
ROLE_TITLES = words(
    "Software Engineer|Backend Engineer|Frontend Engineer|Full Stack Developer|Data Engineer|"
    "Data Scientist|Machine Learning Engineer|Site Reliability Engineer|DevOps Engineer|"
    "Cloud Architect|Security Engineer|QA Engineer|Mobile Developer|Product Manager|"
    "Engineering Manager|Solutions Architect|Database Administrator|Analytics Engineer|"
    "Platform Engineer|Embedded Software Engineer|Technical Program Manager|UX Designer|"
    "Support Engineer|Network Engineer|Research Scientist",
    sep="|",
)
SENIORITY = ["", "Junior", "Senior", "Staff", "Principal", "Lead", "Associate"]
LEVEL_NAMES = ["Associate", "Engineer", "Senior", "Staff", "Senior Staff", "Principal", "Fellow"]
COMPANY_WORDS = words(
    "Acme Northwind Contoso Globex Initech Umbrella Stark Wayne Hooli Vandelay Soylent Cyberdyne "
    "Tyrell Wonka Aperture Black-Mesa Massive Dynamic Oscorp Gringotts Monarch Nakatomi Pied "
    "Piper Prestige Sirius Virtucon Weyland Zorg Blue Sun Gekko Dunder Mifflin Bluth Krusty"
)
COMPANY_SUFFIXES = ["Labs", "Systems", "Technologies", "Cloud", "Analytics", "Networks", "Group"]
CONTENT_KINDS = [
    "overview",
    "responsibility",
    "work_environment",
    "tooling",
    "education_path",
    "qualification",
    "specialisation",
    "career_step",
    "outlook",
    "market_trend",
    "benefit",
    "pro",
    "con",
    "faq",
    "application_tip",
]
STAGE_KINDS = [
    "online_assessment",
    "recruiter_screen",
    "phone_screen",
    "hiring_manager",
    "onsite_loop",
    "bar_raiser",
    "decision",
]
QUESTION_CATEGORIES = ["behavioral", "coding", "system_design", "technical_concept"]


def scaled(name: str, scale: float) -> int:
    full, floor = COUNTS[name]
    return max(floor, round(full * scale))


def slugify(text: str) -> str:
    keep = "".join(ch if ch.isascii() and ch.isalnum() else "-" for ch in text.lower())
    return "-".join(part for part in keep.split("-") if part)


class Generator:
    """Builds every collection from one seeded random generator, in a fixed order."""

    def __init__(self, *, scale: float, seed: int):
        self.scale, self.seed = scale, seed
        self.rng = random.Random(seed)
        self.collections: dict[str, list[dict]] = {}

    # Text of varied length, shaped like the seed fixtures' prose.
    def sentence(self, low: int = 6, high: int = 20) -> str:
        rng = self.rng
        words = [
            rng.choice(TECH) if rng.random() < 0.15 else rng.choice(WORDS)
            for _ in range(rng.randint(low, high))
        ]
        return words[0].capitalize() + " " + " ".join(words[1:]) + "."

    def prose(self, low: int, high: int) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(low, high)))

    def source(self) -> str:
        return self.rng.choice(self.source_slugs)

    def build(self) -> dict[str, list[dict]]:
        self._sources()
        self._reference()
        self._geography()
        self._skills()
        self._roles()
        self._ladders()
        self._bands()
        self._interviews()
        self._questions()
        return self.collections

    def _sources(self) -> None:
        sources = []
        for n in range(1, scaled("sources", self.scale) + 1):
            sources.append(
                {
                    "slug": f"generated-benchmark-{n:03d}",
                    "title": f"Generated benchmark data (seed {self.seed}), part {n}",
                    "publisher": "bench/scale_dataset.py",
                    "file": f"generated-{self.seed}-{n:03d}.txt",
                    "covers": "Synthetic career data generated for load and API benchmarks; "
                    "not real career data.",
                    "as_of": f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}",
                }
            )
        self.collections["sources"] = sources
        self.source_slugs = [s["slug"] for s in sources]

    def _reference(self) -> None:
        rng = self.rng
        families = [
            {"slug": f"family-{n:03d}", "name": f"{title} family {n}"}
            for n, title in enumerate((ROLE_TITLES * 4)[: scaled("families", self.scale)], start=1)
        ]
        self.collections["families"] = families
        self.family_slugs = [f["slug"] for f in families]
        companies = []
        for n in range(1, scaled("companies", self.scale) + 1):
            name = f"{rng.choice(COMPANY_WORDS)} {rng.choice(COMPANY_SUFFIXES)} {n}"
            company = {"slug": slugify(name), "name": name, "kind": "company"}
            if n > 3 and rng.random() < 0.2:  # an organisation inside an earlier company
                company["kind"] = "organisation"
                company["parent"] = rng.choice(companies[: n - 1])["slug"]
            if rng.random() < 0.7:
                company["description"] = self.prose(1, 3)
            company["sources"] = sorted(rng.sample(self.source_slugs, rng.randint(1, 2)))
            if rng.random() < 0.5:
                employees = rng.randint(10, 200) * 100
                company["statistics"] = [
                    {
                        "kind": "employee_count",
                        "value": employees,
                        "open_ended": True,
                        "unit": "employees",
                        "basis": "Employee count as stated in the generated guide",
                        "quote": f"{name} with {employees:,}+ employees",
                        "source": self.source(),
                    },
                    {
                        "kind": "employer_rating",
                        "value": round(rng.uniform(2.5, 4.9), 1),
                        "unit": "rating_out_of_5",
                        "basis": "Generated employer rating",
                        "quote": "their rating is generated",
                        "source": self.source(),
                    },
                ]
            companies.append(company)
        self.collections["companies"] = companies
        self.company_slugs = [c["slug"] for c in companies]

    def _geography(self) -> None:
        rng = self.rng
        self.collections["currencies"] = [
            {"code": code, "name": name, "symbol": symbol} for code, name, symbol, _ in CURRENCIES
        ]
        self.usd_rate = {code: rate for code, _, _, rate in CURRENCIES}
        regions = [{"slug": "world", "name": "World", "kind": "world"}]
        regions += [
            {"slug": slug, "name": name, "kind": "area", "parent": "world"}
            for slug, name in [("europe", "Europe")]
        ]
        self.places: list[tuple[str, str]] = []  # (region slug, currency) for bands
        for (area, area_name), countries in AREAS.items():
            parent = AREA_PARENTS.get(area, "world")
            regions.append({"slug": area, "name": area_name, "kind": "area", "parent": parent})
            for code, name, currency, metros in countries:
                country = code.lower()
                regions.append(
                    {
                        "slug": country,
                        "name": name,
                        "kind": "country",
                        "code": code,
                        "parent": area,
                        "currency": currency,
                    }
                )
                self.places.append((country, currency))
                for metro in metros:
                    slug = slugify(metro)
                    regions.append(
                        {
                            "slug": slug,
                            "name": metro,
                            "kind": "metro",
                            "parent": country,
                            "currency": currency,
                        }
                    )
                    self.places.append((slug, currency))
        self.collections["regions"] = regions
        rates = []
        for code, _, _, rate in CURRENCIES[1:]:
            for year in (2024, 2025) if rng.random() < 0.3 else (2025,):
                value = round(rate * rng.uniform(0.95, 1.05), 8)
                low = rng.randint(5, 50) * 10_000
                rates.append(
                    {
                        "slug": f"{code.lower()}-usd-generated-{year}",
                        "currency": code,
                        "rate_to_usd": value,
                        "as_of": f"{year}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
                        "derivation": f"({low * value:,.0f}) / ({low:,}) = {value}; generated.",
                        "source": self.source(),
                        "quote": f"{code} {low:,} (≈ USD {low * value / 1000:,.0f}k)",
                    }
                )
        self.collections["exchange_rates"] = rates

    def _skills(self) -> None:
        rng = self.rng
        skills, names, slugs, aliases = [], set(), set(), set()
        count = scaled("skills", self.scale)
        while len(skills) < count:
            base = rng.choice(TECH).replace("-", " ")
            qualifier = rng.choice(SKILL_QUALIFIERS)
            name = f"{qualifier} {base}".strip()
            if name.casefold() in names:
                name = f"{name} {len(skills) + 1}"
            slug = slugify(name)
            if slug in slugs:  # "C++" and "C#" both read as "c"
                slug = f"{slug}-{len(skills) + 1}"
            names.add(name.casefold())
            slugs.add(slug)
            skill = {
                "slug": slug,
                "name": name,
                "category": rng.choice(SKILL_CATEGORIES),
            }
            own = []
            for alias in (name.replace(" ", ""), f"{name} ({skill['category']})"):
                if alias != name and alias.casefold() not in aliases and rng.random() < 0.3:
                    aliases.add(alias.casefold())
                    own.append(alias)
            if own:
                skill["aliases"] = own
            if rng.random() < 0.4:
                skill["description"] = self.sentence(8, 25)
            skills.append(skill)
        self.collections["skills"] = skills
        self.skill_slugs = [s["slug"] for s in skills]

    def _roles(self) -> None:
        rng = self.rng
        count = scaled("roles", self.scale)
        roles, by_company = [], {}
        for n in range(1, count + 1):
            title = f"{rng.choice(SENIORITY)} {rng.choice(ROLE_TITLES)}".strip()
            # The first roles go to the first companies, so every company has one.
            company = self.company_slugs[n - 1] if n <= len(self.company_slugs) else None
            if company is None and rng.random() < 0.9:
                company = rng.choice(self.company_slugs)
            slug = f"{slugify(title)}-{n}"
            source = self.source()
            role = {"slug": slug, "title": title, "family": rng.choice(self.family_slugs)}
            if company:
                role["company"] = company
                by_company.setdefault(company, []).append(slug)
            role["summary"] = self.prose(2, 6)
            role["source"] = source
            if rng.random() < 0.7:
                low = rng.randint(0, 10)
                high = None if rng.random() < 0.15 else low + rng.randint(1, 6)
                role["experience_years"] = {
                    "min": low,
                    "max": high,
                    "quote": f"{low}+ years" if high is None else f"{low}–{high} years",
                }
            if rng.random() < 0.4:
                role["employer_types"] = sorted(
                    {f"{rng.choice(WORDS)} companies" for _ in range(rng.randint(1, 4))}
                )
            role["statistics"] = self._role_statistics(source)
            role["skills"] = [
                {
                    "skill": skill,
                    "importance": rng.choices(
                        ["required", "preferred", "mentioned"], weights=[5, 3, 2]
                    )[0],
                    "source": source,
                    **({"quote": self.sentence(4, 14)} if rng.random() < 0.6 else {}),
                }
                for skill in rng.sample(self.skill_slugs, rng.randint(5, 15))
            ]
            role["content"] = [self._content(source) for _ in range(rng.randint(0, 10))]
            role["related"] = [
                {
                    "name": f"Related role {k}",
                    **({"role": f"{roles[-k]['slug']}"} if roles and k <= len(roles) else {}),
                    **({"description": self.sentence()} if rng.random() < 0.5 else {}),
                    "source": source,
                }
                for k in range(1, rng.randint(0, 3) + 1)
            ]
            roles.append({key: value for key, value in role.items() if value != []})
        self.collections["roles"] = roles
        self.roles = roles
        self.roles_by_company = by_company

    def _role_statistics(self, source: str) -> list[dict]:
        rng = self.rng
        stats = []
        if rng.random() < 0.5:
            median = rng.randint(40, 250) * 1000
            stats.append(
                {
                    "kind": "median_salary",
                    "value": median,
                    "unit": "USD",
                    "basis": "Generated median salary",
                    "period": "per year",
                    "quote": f"Median salary ${median:,}",
                    "source": source,
                }
            )
        if rng.random() < 0.3:
            growth = rng.randint(-5, 30)
            stats.append(
                {
                    "kind": "employment_growth",
                    "value": growth,
                    "unit": "percent",
                    "basis": "Generated ten-year outlook",
                    "quote": f"{growth}% growth",
                    "source": source,
                }
            )
        return stats

    def _content(self, source: str) -> dict:
        rng = self.rng
        kind = rng.choice(CONTENT_KINDS)
        entry = {"kind": kind}
        if kind == "faq":
            entry["title"] = self.sentence(5, 12)[:-1] + "?"
        elif rng.random() < 0.4:
            entry["title"] = self.sentence(2, 6)[:-1]
        entry["body"] = self.prose(1, 5)
        entry["source"] = source
        return entry

    def _ladders(self) -> None:
        rng = self.rng
        ladders, self.levels_by_company = [], {}
        for company in self.company_slugs:
            roles = self.roles_by_company.get(company, [])
            ladder = {
                "slug": f"{company}-ladder",
                "name": f"{company.replace('-', ' ').title()} engineering ladder",
                "company": company,
            }
            if roles and rng.random() < 0.5:
                ladder["role"] = roles[0]
            if rng.random() < 0.6:
                ladder["description"] = self.prose(1, 4)
            ladder["source"] = self.source()
            levels, years = [], 0
            for position, name in enumerate(LEVEL_NAMES[: rng.randint(4, 7)], start=1):
                span = rng.randint(1, 4)
                level = {
                    "slug": f"{company}-l{position + 3}",
                    "name": name,
                    "code": f"L{position + 3}",
                    "years": {
                        "min": years,
                        "max": years + span,
                        "quote": f"{years}-{years + span} years total experience",
                    },
                }
                if rng.random() < 0.8:
                    level["scope"] = self.prose(1, 4)
                if rng.random() < 0.6:
                    level["focus_areas"] = self.prose(1, 3)
                levels.append(level)
                years += span
            ladder["levels"] = levels
            ladders.append(ladder)
            self.levels_by_company[company] = [(lv["slug"], lv["name"]) for lv in levels]
        self.collections["ladders"] = ladders

    def _bands(self) -> None:
        rng = self.rng
        count = scaled("salary_bands", self.scale)
        interpretations = [self.prose(1, 3) for _ in range(60)]
        roles, bands = self.roles, []
        per_role = Counter()
        for n in range(count):
            role = roles[n % len(roles)] if n < 2 * len(roles) else rng.choice(roles)
            per_role[role["slug"]] += 1
            band = {"slug": f"{role['slug']}-band-{per_role[role['slug']]}", "role": role["slug"]}
            levels = self.levels_by_company.get(role.get("company"), [])
            label = "Typical range"
            if levels and rng.random() < 0.85:
                band["level"], label = rng.choice(levels)
            band["label"] = label
            region, currency = ("us", "USD") if n == 0 else rng.choice(self.places)
            if rng.random() < 0.95:
                band["region"] = region
            if rng.random() < 0.1:
                currency = "USD"
            band["currency"] = currency
            period = rng.choices(["annual", "monthly", "hourly"], weights=[90, 5, 5])[0]
            band["period"] = period
            band["basis"] = rng.choice(["base", "total_compensation", "unspecified"])
            self._amounts(band, currency, period)
            band["quote"] = self._band_quote(band, label)
            band["source"] = self.source()
            if rng.random() < 0.5:
                band["interpretation"] = rng.choice(interpretations)
            bands.append(band)
        self.collections["salary_bands"] = bands

    def _amounts(self, band: dict, currency: str, period: str) -> None:
        rng = self.rng
        usd = rng.randint(40, 300) * 1000 / {"annual": 1, "monthly": 12, "hourly": 2080}[period]
        local = usd / self.usd_rate[currency]

        def amount(value: float) -> int | float:
            return round(value, 2) if value < 1000 else int(value)

        low, high = amount(local), amount(local * rng.uniform(1.2, 2.5))
        shape = rng.random()
        if shape < 0.7:
            band["min"], band["max"] = low, high
            if rng.random() < 0.1:
                band["max_open"] = True
            if rng.random() < 0.5:
                band["median"] = amount((low + high) / 2)
        elif shape < 0.8:
            band["median"] = low
        elif shape < 0.9:
            band["median"], band["average"] = low, amount(low * rng.uniform(1.0, 1.2))
        else:
            band["min"], band["max"] = low, high
            band["average"] = amount(low + (high - low) * rng.random())
        if currency != "USD" and "min" in band and rng.random() < 0.3:
            band["usd_equivalent_min"] = amount(band["min"] * self.usd_rate[currency]) or 1
            band["usd_equivalent_max"] = max(
                band["usd_equivalent_min"], amount(band["max"] * self.usd_rate[currency])
            )

    def _band_quote(self, band: dict, label: str) -> str:
        figures = [
            f"{band['currency']} {band[name]:,}"
            for name in ("min", "max", "median", "average")
            if name in band
        ]
        suffix = "+" if band.get("max_open") else ""
        return f"{label} | {' – '.join(figures)}{suffix} | {band['period']} {band['basis']} |"

    def _interviews(self) -> None:
        rng = self.rng
        competencies = []
        for n in range(1, scaled("competencies", self.scale) + 1):
            name = f"{rng.choice(WORDS).capitalize()} {rng.choice(WORDS)} {n}"
            competency = {
                "slug": slugify(name),
                "name": name,
                "kind": rng.choice(["leadership_principle", "quality"]),
            }
            if rng.random() < 0.6:
                competency["company"] = rng.choice(self.company_slugs)
            if rng.random() < 0.8:
                competency["description"] = self.prose(1, 3)
            competency["sources"] = [self.source()]
            competencies.append(competency)
        self.collections["competencies"] = competencies
        self.competency_slugs = [c["slug"] for c in competencies]
        topics = []
        for n in range(1, scaled("topics", self.scale) + 1):
            name = f"{rng.choice(TECH)} {rng.choice(WORDS)} {n}"
            topics.append({"slug": slugify(name), "name": name})
        self.collections["topics"] = topics
        self.topic_slugs = [t["slug"] for t in topics]
        processes = []
        for n in range(1, scaled("interview_processes", self.scale) + 1):
            company = self.company_slugs[(n - 1) % len(self.company_slugs)]
            roles = self.roles_by_company.get(company, [])
            process = {
                "slug": f"{company}-process-{n}",
                "name": f"{company.replace('-', ' ').title()} interview process {n}",
                "company": company,
            }
            if roles:
                process["roles"] = sorted(rng.sample(roles, min(len(roles), rng.randint(1, 4))))
            process["summary"] = self.prose(1, 4)
            if rng.random() < 0.6:
                low = rng.randint(1, 6)
                process["duration_weeks"] = {"min": low, "max": low + rng.randint(0, 4)}
            process["source"] = self.source()
            process["stages"] = [self._stage() for _ in range(rng.randint(3, 7))]
            process["guidance"] = [
                {
                    "kind": rng.choice(["evaluation_area", "preparation", "mistake"]),
                    "title": self.sentence(3, 8)[:-1],
                    "body": self.prose(1, 3),
                    "points": [
                        {"name": self.sentence(3, 8)[:-1]} for _ in range(rng.randint(0, 5))
                    ],
                }
                for _ in range(rng.randint(0, 3))
            ]
            processes.append(process)
        self.collections["interview_processes"] = processes
        self.processes = processes

    def _stage(self) -> dict:
        rng = self.rng
        stage = {"name": self.sentence(2, 5)[:-1], "kind": rng.choice(STAGE_KINDS)}
        if rng.random() < 0.4:
            low = rng.randint(1, 4)
            stage["rounds"] = {"min": low, "max": low + rng.randint(0, 3)}
        if rng.random() < 0.5:
            stage["round_minutes"] = rng.choice([30, 45, 60, 90])
        for name in ("description", "assesses", "tips", "quote"):
            if rng.random() < 0.5:
                stage[name] = self.prose(1, 3)
        return stage

    def _questions(self) -> None:
        rng = self.rng
        questions = []
        for n in range(1, scaled("questions", self.scale) + 1):
            process = self.processes[(n - 1) % len(self.processes)]
            category = rng.choice(QUESTION_CATEGORIES)
            question = {
                "slug": f"{process['slug']}-q-{n}",
                "text": self.sentence(8, 30)[:-1] + "?",
                "category": category,
            }
            if category == "behavioral":
                question["competencies"] = sorted(
                    rng.sample(self.competency_slugs, rng.randint(1, 2))
                )
            else:
                question["topics"] = sorted(rng.sample(self.topic_slugs, rng.randint(1, 3)))
            question["stage_kind"] = rng.choice(STAGE_KINDS)
            question["company"] = process["company"]
            if process.get("roles"):
                question["roles"] = process["roles"][: rng.randint(1, len(process["roles"]))]
            if rng.random() < 0.8:
                question["process"] = process["slug"]
            if rng.random() < 0.6:
                question["why_asked"] = self.sentence(10, 25)
            if rng.random() < 0.6:
                question["answer_guidance"] = self.prose(1, 4)
            question["source"] = process["source"]
            questions.append(question)
        self.collections["questions"] = questions


# Which file each collection goes to; the split collections get numbered parts.
LAYOUT = {
    "sources": "reference/sources.json",
    "families": "reference/companies.json",
    "companies": "reference/companies.json",
    "currencies": "reference/geography.json",
    "regions": "reference/geography.json",
    "exchange_rates": "reference/exchange-rates.json",
    "skills": "catalogue/skills.json",
    "roles": "roles/roles-{part:03d}.json",
    "ladders": "ladders/ladders.json",
    "salary_bands": "salary-bands/salary-bands-{part:03d}.json",
    "competencies": "interviews/competencies.json",
    "topics": "interviews/topics.json",
    "interview_processes": "interviews/processes.json",
    "questions": "questions/questions-{part:03d}.json",
}


def dataset_files(collections: dict[str, list[dict]]) -> dict[str, dict[str, list[dict]]]:
    """File name -> the collections it holds, big collections split into parts."""
    files: dict[str, dict[str, list[dict]]] = {}
    for name, items in collections.items():
        size = CHUNKS.get(name, len(items) or 1)
        for part, start in enumerate(range(0, len(items), size), start=1):
            file = LAYOUT[name].format(part=part)
            files.setdefault(file, {})[name] = items[start : start + size]
    return files


def write_dataset(out: Path, *, scale: float, seed: int) -> dict:
    """Generate the dataset into `out` (replacing what was there); return a summary."""
    started = time.perf_counter()
    collections = Generator(scale=scale, seed=seed).build()
    if out.exists():
        shutil.rmtree(out)
    written = {}
    for name, content in dataset_files(collections).items():
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode()
        path.write_bytes(data)
        written[name] = len(data)
    return {
        "counts": {name: len(items) for name, items in collections.items()},
        "levels": sum(len(ladder["levels"]) for ladder in collections["ladders"]),
        "files": written,
        "seconds": time.perf_counter() - started,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="Folder to write (replaced).")
    parser.add_argument("--scale", type=float, default=1.0, help="1.0 = 1,000,000 salary bands.")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.scale <= 0:
        parser.error("--scale must be positive")
    summary = write_dataset(args.out, scale=args.scale, seed=args.seed)
    for name, count in summary["counts"].items():
        print(f"{name:<22} {count:>9,}")
    print(f"{'levels (in ladders)':<22} {summary['levels']:>9,}")
    total = sum(summary["files"].values())
    print(f"{len(summary['files'])} files, {total / 1e6:,.1f} MB in {args.out}")
    print(f"{summary['seconds']:.1f} s")


if __name__ == "__main__":
    sys.exit(main())

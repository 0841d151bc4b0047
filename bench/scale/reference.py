"""Sources, families, companies, currencies, regions and skills (exchange rates are the
ECB's, which every load reads)."""

from .vocabulary import (
    AREA_PARENTS,
    AREAS,
    COMPANY_SUFFIXES,
    COMPANY_WORDS,
    CURRENCIES,
    ROLE_TITLES,
    SKILL_CATEGORIES,
    SKILL_QUALIFIERS,
    TECH,
    scaled,
    slugify,
)


class ReferenceData:
    """The reference collections, mixed into `Generator`."""

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

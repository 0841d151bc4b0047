"""Roles, their ladders and salary bands."""

from collections import Counter

from .vocabulary import CONTENT_KINDS, LEVEL_NAMES, ROLE_TITLES, SENIORITY, WORDS, scaled, slugify


class RoleData:
    """The role collections, mixed into `Generator`."""

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

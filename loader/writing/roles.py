"""Writing sources, families, companies, skills, roles and ladders."""

from roles.models import (
    Company,
    CompanyStatistic,
    Family,
    Ladder,
    Level,
    RelatedRole,
    Role,
    RoleContent,
    RoleSkill,
    RoleStatistic,
    Skill,
    SkillAlias,
    Source,
)

from ..sync import TableSync, m2m_sync, table_upsert
from .base import as_date, as_decimal


class RolesWriter:
    """Writes the roles app's collections; mixed into `DatasetWriter`."""

    def _write_roles_app(self) -> None:
        d = self.data
        self.sources = sources = self._start(Source, ("slug",))
        table_upsert(
            sources,
            [
                {
                    "slug": s["slug"],
                    "title": s["title"],
                    "publisher": s.get("publisher", ""),
                    "file": s["file"],
                    "url": s.get("url", ""),
                    "covers": s["covers"],
                    "as_of": as_date(s.get("as_of")),
                    "as_of_note": s.get("as_of_note", ""),
                }
                for s in d.get("sources", [])
            ],
            now=self.now,
        )
        families = self._start(Family, ("slug",))
        table_upsert(
            families,
            [
                {"slug": f["slug"], "name": f["name"], "description": f.get("description", "")}
                for f in d.get("families", [])
            ],
            now=self.now,
        )
        self.companies = companies = self._tree(
            Company,
            "companies",
            lambda c, table: {
                "slug": c["slug"],
                "name": c["name"],
                "kind": c["kind"],
                "parent_id": self._id(table, c.get("parent")),
                "description": c.get("description", ""),
            },
        )
        m2m_sync(
            companies,
            "sources",
            {
                companies.ids[(c["slug"],)]: {self._id(sources, s) for s in c["sources"]}
                for c in d.get("companies", [])
            },
            now=self.now,
        )
        self._children(
            CompanyStatistic,
            companies,
            "company_id",
            [
                self._statistic(stat, position, company_id=companies.ids[(c["slug"],)])
                for c in d.get("companies", [])
                for position, stat in enumerate(c.get("statistics", []), start=1)
            ],
            ("company_id", "position"),
        )
        self.skills = skills = self._start(Skill, ("slug",))
        table_upsert(
            skills,
            [
                {
                    "slug": s["slug"],
                    "name": s["name"],
                    "category": s["category"],
                    "description": s.get("description", ""),
                }
                for s in d.get("skills", [])
            ],
            now=self.now,
        )
        self._children(
            SkillAlias,
            skills,
            "skill_id",
            [
                {"name": alias, "skill_id": skills.ids[(s["slug"],)]}
                for s in d.get("skills", [])
                for alias in s.get("aliases", [])
            ],
            ("name",),
        )
        self._write_roles(families, companies)
        self._write_ladders()

    def _statistic(self, stat: dict, position: int, **owner) -> dict:
        return {
            **owner,
            "position": position,
            "kind": stat["kind"],
            "value": as_decimal(stat["value"]),
            "value_max": as_decimal(stat.get("value_max")),
            "approximate": stat.get("approximate", False),
            "open_ended": stat.get("open_ended", False),
            "unit": stat["unit"],
            "basis": stat["basis"],
            "period": stat.get("period", ""),
            "quote": stat["quote"],
            "interpretation": stat.get("interpretation", ""),
            "source_id": self._id(self.sources, stat["source"]),
        }

    def _write_roles(self, families: TableSync, companies: TableSync) -> None:
        roles_data = self.data.get("roles", [])
        self.roles = roles = self._start(Role, ("slug",))
        table_upsert(
            roles,
            [
                {
                    "slug": r["slug"],
                    "title": r["title"],
                    "family_id": self._id(families, r.get("family")),
                    "company_id": self._id(companies, r.get("company")),
                    "summary": r.get("summary", ""),
                    "source_id": self._id(self.sources, r["source"]),
                    "experience_years_min": r.get("experience_years", {}).get("min"),
                    "experience_years_max": r.get("experience_years", {}).get("max"),
                    "experience_quote": r.get("experience_years", {}).get("quote", ""),
                    "employer_types": r.get("employer_types", []),
                }
                for r in roles_data
            ],
            now=self.now,
        )

        def each(field: str):
            for r in roles_data:
                for position, entry in enumerate(r.get(field, []), start=1):
                    yield roles.ids[(r["slug"],)], position, entry

        self._children(
            RoleStatistic,
            roles,
            "role_id",
            [
                self._statistic(stat, position, role_id=role_id)
                for role_id, position, stat in each("statistics")
            ],
            ("role_id", "position"),
        )
        self._children(
            RoleSkill,
            roles,
            "role_id",
            [
                {
                    "role_id": role_id,
                    "skill_id": self._id(self.skills, link["skill"]),
                    "importance": link["importance"],
                    "quote": link.get("quote", ""),
                    "source_id": self._id(self.sources, link["source"]),
                }
                for role_id, _, link in each("skills")
            ],
            ("role_id", "skill_id"),
        )
        self._children(
            RoleContent,
            roles,
            "role_id",
            [
                {
                    "role_id": role_id,
                    "position": position,
                    "kind": entry["kind"],
                    "title": entry.get("title", ""),
                    "body": entry["body"],
                    "source_id": self._id(self.sources, entry["source"]),
                }
                for role_id, position, entry in each("content")
            ],
            ("role_id", "position"),
        )
        self._children(
            RelatedRole,
            roles,
            "role_id",
            [
                {
                    "role_id": role_id,
                    "position": position,
                    "name": entry["name"],
                    "related_role_id": self._id(roles, entry.get("role")),
                    "description": entry.get("description", ""),
                    "source_id": self._id(self.sources, entry["source"]),
                }
                for role_id, position, entry in each("related")
            ],
            ("role_id", "position"),
        )

    def _write_ladders(self) -> None:
        ladders_data = self.data.get("ladders", [])
        ladders = self._start(Ladder, ("slug",))
        table_upsert(
            ladders,
            [
                {
                    "slug": lad["slug"],
                    "name": lad["name"],
                    "company_id": self._id(self.companies, lad.get("company")),
                    "role_id": self._id(self.roles, lad.get("role")),
                    "description": lad.get("description", ""),
                    "source_id": self._id(self.sources, lad["source"]),
                }
                for lad in ladders_data
            ],
            now=self.now,
        )
        self.levels = self._children(
            Level,
            ladders,
            "ladder_id",
            [
                {
                    "slug": lv["slug"],
                    "ladder_id": ladders.ids[(lad["slug"],)],
                    "position": position,
                    "name": lv["name"],
                    "code": lv.get("code", ""),
                    "years_min": lv.get("years", {}).get("min"),
                    "years_max": lv.get("years", {}).get("max"),
                    "years_quote": lv.get("years", {}).get("quote", ""),
                    "scope": lv.get("scope", ""),
                    "focus_areas": lv.get("focus_areas", ""),
                    "quote": lv.get("quote", ""),
                }
                for lad in ladders_data
                for position, lv in enumerate(lad["levels"], start=1)
            ],
            ("slug",),
            park_field="position",
        )

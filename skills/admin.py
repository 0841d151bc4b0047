"""Admin for the skill catalogue.

Read-only, as every dataset admin (`careerapi.admin.DatasetAdmin`): the data is written
only by `manage.py load_dataset`, from the dataset files.
"""

from django.contrib import admin

from careerapi.admin import DatasetAdmin, DatasetTabularInline

from .models import Skill, SkillAlias


class SkillAliasInline(DatasetTabularInline):
    model = SkillAlias


@admin.register(Skill)
class SkillAdmin(DatasetAdmin):
    list_display = ("name", "slug", "category", "onet_example", "hot_technology", "updated_at")
    list_filter = ("category", "hot_technology")
    search_fields = ("slug", "name", "aliases__name", "description", "onet_example")
    ordering = ("name",)
    inlines = (SkillAliasInline,)


@admin.register(SkillAlias)
class SkillAliasAdmin(DatasetAdmin):
    list_display = ("name", "skill", "updated_at")
    list_filter = ("skill__category",)
    list_select_related = ("skill",)
    search_fields = ("name", "skill__slug", "skill__name")
    ordering = ("name",)

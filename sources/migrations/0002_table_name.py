"""The moved table takes this app's name, after every other app's state names this app's
model (roles 0005): a table rebuilt before that would be rebuilt with the old name."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('sources', '0001_initial'),
        ('roles', '0005_move_sources_and_skills'),
    ]

    operations = [
        migrations.AlterModelTable(name='source', table=None),
    ]

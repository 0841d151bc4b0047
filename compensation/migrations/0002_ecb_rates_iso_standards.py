# The guides' derived rates to USD give way to the ECB's dated euro reference rates (the
# next load writes them); currencies gain ISO 4217 minor units, regions ISO 3166-2 codes.

import careerapi.db
import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('compensation', '0001_initial'),
        ('roles', '0004_source_licence_citation'),
    ]

    operations = [
        migrations.DeleteModel(name='ExchangeRate'),
        migrations.CreateModel(
            name='ExchangeRate',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('updated_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now, editable=False)),
                ('slug', models.SlugField(max_length=120, unique=True)),
                ('date', models.DateField()),
                ('rate', models.DecimalField(decimal_places=8, help_text='Units of `currency` for one unit of `base`.', max_digits=20)),
                ('base', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='compensation.currency')),
                ('currency', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='rates', to='compensation.currency')),
                ('source', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='roles.source')),
            ],
            options={
                'ordering': ['-date', 'currency__code'],
                'indexes': [models.Index(fields=['date', 'currency'], name='rate_date_currency')],
                'constraints': [
                    models.CheckConstraint(condition=models.Q(('rate__gt', 0)), name='rate_positive'),
                    models.UniqueConstraint(fields=('base', 'currency', 'date'), name='rate_once_a_day'),
                ],
            },
        ),
        migrations.AddField(
            model_name='currency',
            name='minor_unit',
            field=careerapi.db.SmallCountField(blank=True, help_text='Digits after the decimal point (JPY 0, USD 2, BHD 3); null where ISO 4217 gives none (gold, special drawing rights).', null=True),
        ),
        migrations.AlterField(
            model_name='currency',
            name='name',
            field=models.CharField(help_text='The ISO 4217 name, unless the files name it.', max_length=100),
        ),
        migrations.AlterField(
            model_name='region',
            name='code',
            field=models.CharField(blank=True, help_text='ISO 3166-1 alpha-2 for a country (GB), ISO 3166-2 for a subdivision (US-WA).', max_length=6, null=True, unique=True),
        ),
        migrations.AlterField(
            model_name='region',
            name='kind',
            field=models.CharField(choices=[('world', 'World'), ('area', 'Area (e.g. Western Europe)'), ('country', 'Country'), ('subdivision', 'Subdivision of a country (ISO 3166-2, e.g. a state)'), ('metro', 'Metro area')], max_length=12),
        ),
        migrations.AlterField(
            model_name='salaryband',
            name='usd_equivalent_min',
            field=models.DecimalField(blank=True, decimal_places=2, help_text='The source\'s own approximate US-dollar figure for the low end, as it prints it ("≈ USD 75k–225k"): the guide\'s approximation, not a conversion at an exchange rate.', max_digits=14, null=True),
        ),
        migrations.AlterField(
            model_name='salaryband',
            name='usd_equivalent_max',
            field=models.DecimalField(blank=True, decimal_places=2, help_text='The source\'s own approximate US-dollar figure for the high end, as it prints it ("≈ USD 75k–225k"): the guide\'s approximation, not a conversion at an exchange rate.', max_digits=14, null=True),
        ),
    ]

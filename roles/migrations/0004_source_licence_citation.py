from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('roles', '0003_role_list_order'),
    ]

    operations = [
        migrations.AddField(
            model_name='source',
            name='licence',
            field=models.TextField(blank=True, help_text='The terms the data may be reused under.'),
        ),
        migrations.AddField(
            model_name='source',
            name='citation',
            field=models.CharField(blank=True, help_text='The credit line the licence asks for, verbatim.', max_length=300),
        ),
    ]

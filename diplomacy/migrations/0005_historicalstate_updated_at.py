import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("diplomacy", "0004_merge_query_and_history"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalstate",
            name="updated_at",
            field=models.DateTimeField(
                blank=True, db_index=True, default=django.utils.timezone.now, editable=False
            ),
            preserve_default=False,
        ),
    ]

"""`/api/v1/releases/`: the named releases of the dataset, read-only."""

from django.conf import settings
from django.http import StreamingHttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import permissions, serializers, viewsets
from rest_framework.reverse import reverse

from actions.kinds import KINDS
from actions.models import RELEASE_NAME_REGEX, Release
from actions.releases import release_package_chunks
from diplomacy.api.caching.http_cache import IMMUTABLE_ATTRIBUTE
from diplomacy.api.caching.response_cache import ResponseCacheMixin
from diplomacy.api.formats.file_renderer import ZipFileRenderer
from diplomacy.api.openapi.operation_docs import lookup_parameter


class ReleaseCountsSerializer(serializers.Serializer):
    """For the schema: the counts a release records."""

    actions = serializers.IntegerField(help_text="Actions of every kind.")
    actions_by_kind = serializers.DictField(
        child=serializers.IntegerField(),
        help_text="Actions by kind (" + ", ".join(KINDS) + "); a kind with none is left out.",
    )
    citations = serializers.IntegerField(help_text="Citations.")
    sources = serializers.IntegerField(help_text="Sources.")
    episodes = serializers.IntegerField(help_text="Episodes.")
    states = serializers.IntegerField(help_text="States, current and historic.")
    missions = serializers.IntegerField(help_text="Missions.")
    envoys = serializers.IntegerField(help_text="Envoys.")
    envoy_links = serializers.IntegerField(help_text="Links between actions and envoys.")


class ReleaseChangesSerializer(serializers.Serializer):
    """For the schema: what changed since the previous release."""

    previous = serializers.CharField(help_text="Name of the previous release.")
    added = serializers.IntegerField(help_text="Actions created since, still there.")
    changed = serializers.IntegerField(help_text="Actions in both releases, changed between.")
    removed = serializers.IntegerField(help_text="Actions of the previous release deleted since.")


@extend_schema_field(ReleaseCountsSerializer)
class CountsField(serializers.JSONField):
    pass


@extend_schema_field(ReleaseChangesSerializer(allow_null=True))
class ChangesField(serializers.JSONField):
    pass


class ReleaseSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="release-detail", lookup_field="name", help_text="This release."
    )
    counts = CountsField(read_only=True, help_text=Release._meta.get_field("counts").help_text)
    changes_since_previous = ChangesField(
        read_only=True,
        allow_null=True,
        help_text=Release._meta.get_field("changes_since_previous").help_text,
    )
    package_url = serializers.SerializerMethodField(
        help_text="Where the release's data package (a zip: one CSV per resource and "
        "datapackage.json) is downloaded."
    )
    data_url = serializers.SerializerMethodField(
        help_text="The actions as of the release: any list of the API takes the same `as_of`."
    )

    class Meta:
        model = Release
        fields = [
            "url", "name", "cut_at", "notes", "counts", "changes_since_previous",
            "package_sha256", "package_url", "data_url",
        ]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.URI)
    def get_package_url(self, release) -> str:
        return reverse(
            "release-package", kwargs={"name": release.name}, request=self.context.get("request")
        )

    @extend_schema_field(OpenApiTypes.URI)
    def get_data_url(self, release) -> str:
        feed = reverse("action-list", request=self.context.get("request"))
        return f"{feed}?as_of={release.name}"


NAME = lookup_parameter("name", "Name of the release, e.g. 2026.1.")


@extend_schema_view(
    list=extend_schema(
        summary="List the releases of the dataset, oldest first",
        description="Named, immutable states of the dataset, to cite and to reproduce: "
        "`?as_of=<name>` on any list or record reads the data as of a release.",
    ),
    retrieve=extend_schema(
        summary="Get one release",
        description="Its moment, counts, package checksum, and what changed since the "
        "previous release. Answers 404 if there is none with this name.",
        parameters=[NAME],
    ),
)
class ReleaseViewSet(ResponseCacheMixin, viewsets.ReadOnlyModelViewSet):
    """Releases are cut by `manage.py release` (or by staff in the admin), never
    changed or deleted."""

    queryset = Release.objects.all()
    serializer_class = ReleaseSerializer
    permission_classes = [permissions.AllowAny]
    lookup_field = "name"
    lookup_value_regex = RELEASE_NAME_REGEX
    filter_backends = []

    @extend_schema(
        operation_id="releases_package",
        summary="Download the release's data package",
        description="A zip holding one CSV per table of the dataset as of the release "
        "(states, episodes, sources, missions, envoys, actions, the envoy links, "
        "citations), `datapackage.json` (Frictionless Data Package: every column's "
        "type, description and enum, primary and foreign keys, the licence) and a "
        "README codebook. Written from the history as of the release, streamed: the "
        "same bytes every time, whose SHA-256 is the release's `package_sha256` (also "
        "the `ETag`). Answers 404 if there is no release with this name.",
        parameters=[NAME],
        responses={
            (200, "application/zip"): OpenApiResponse(
                OpenApiTypes.BINARY, description="The data package (a zip)."
            ),
        },
    )
    def package(self, request, name=None):
        """Routed by actions.api.urls (a file name: no trailing slash)."""
        release = self.get_object()
        response = StreamingHttpResponse(
            release_package_chunks(release), content_type=ZipFileRenderer.media_type
        )
        filename = f"{settings.DATA_PACKAGE_NAME}-{release.name}.zip"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["ETag"] = f'"{release.package_sha256}"'
        # A release never changes: any cache may keep its package (http_cache).
        setattr(request._request, IMMUTABLE_ATTRIBUTE, True)
        return response

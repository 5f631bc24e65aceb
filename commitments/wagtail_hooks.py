from wagtail.snippets.models import register_snippet

from commitments.admin import CommitmentViewSet

register_snippet(CommitmentViewSet)

"""Granting permissions to a staff role from a data migration, with historical models."""

from django.apps.registry import Apps

# (app label, model, codename, name) as Django (or the app that owns it) would create it.
Grant = tuple[str, str, str, str]


def grant_to_group(apps: Apps, group_name: str, permissions: list[Grant]) -> None:
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    group, _ = Group.objects.get_or_create(name=group_name)
    for app_label, model, codename, name in permissions:
        # The permission may not exist yet on a new database: post_migrate creates it later.
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        group.permissions.add(permission)


def revoke_from_group(apps: Apps, group_name: str, permissions: list[Grant]) -> None:
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=group_name).first()
    if group is None:
        return
    for app_label, _model, codename, _name in permissions:
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label=app_label, codename=codename)
        )

"""The shared form include: every field is named for screen readers, groups by a legend."""

from django import forms
from django.template.loader import render_to_string


class Choices(forms.Form):
    name = forms.CharField(label="Naam")
    kind = forms.ChoiceField(
        label="Soort", choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect
    )
    tags = forms.MultipleChoiceField(
        label="Labels", choices=[("x", "X")], widget=forms.CheckboxSelectMultiple, required=False
    )


def test_a_group_of_choices_is_named_by_a_legend_and_no_label_points_nowhere():
    html = render_to_string("includes/form_fields.html", {"form": Choices()})

    assert '<label for="id_name">Naam' in html
    assert "<legend>Soort" in html
    assert "<legend>Labels" in html
    assert 'for=""' not in html
    assert html.count("<fieldset") == 2

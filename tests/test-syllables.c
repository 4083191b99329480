/* test-syllables.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "helder-syllables.h"

/* Dutch words with their syllables counted by hand, as spoken. */
static const struct
{
  const char *word;
  guint       syllables;
} words[] = {
  { "huis", 1 }, { "boom", 1 }, { "straat", 1 }, { "kind", 1 }, { "fiets", 1 },
  { "school", 1 }, { "eeuw", 1 }, { "leeuw", 1 }, { "nieuw", 1 }, { "trein", 1 },
  { "vraag", 1 }, { "vrouw", 1 }, { "mooi", 1 }, { "nooit", 1 }, { "fraai", 1 },
  { "team", 1 }, { "ui", 1 }, { "dag", 1 },
  { "tafel", 2 }, { "water", 2 }, { "lopen", 2 }, { "werken", 2 }, { "brieven", 2 },
  { "moeder", 2 }, { "zomer", 2 }, { "vragen", 2 }, { "mensen", 2 }, { "afspraak", 2 },
  { "aanvraag", 2 }, { "toeslag", 2 }, { "leerling", 2 }, { "docent", 2 }, { "cursus", 2 },
  { "antwoord", 2 }, { "voorbeeld", 2 }, { "uitleg", 2 }, { "robot", 2 }, { "chatbot", 2 },
  { "probleem", 2 }, { "besluit", 2 }, { "toezicht", 2 }, { "veilig", 2 }, { "eerlijk", 2 },
  { "auto", 2 }, { "auto's", 2 }, { "baby", 2 }, { "yoghurt", 2 }, { "uien", 2 },
  { "bouwen", 2 }, { "vrouwen", 2 }, { "kopje", 2 }, { "meisje", 2 }, { "huisje", 2 },
  { "mooie", 2 }, { "aaien", 2 }, { "kraaien", 2 }, { "ruzie", 2 }, { "bureau", 2 },
  { "cadeau", 2 }, { "niveau", 2 }, { "e-mail", 2 }, { "online", 2 }, { "update", 2 },
  { "software", 2 }, { "website", 2 }, { "boodschappen", 3 },
  { "gemeente", 3 }, { "agenda", 3 }, { "openbaar", 3 }, { "energie", 3 }, { "enige", 3 },
  { "overheid", 3 }, { "ideeën", 3 }, { "theater", 3 }, { "museum", 3 }, { "computer", 3 },
  { "telefoon", 3 }, { "belangrijk", 3 }, { "politie", 3 }, { "ziekenhuis", 3 },
  { "uitkering", 3 }, { "belasting", 3 }, { "huurtoeslag", 3 }, { "gezondheid", 3 },
  { "onderwijs", 3 }, { "module", 3 }, { "pagina", 3 }, { "oefening", 3 },
  { "woordenboek", 3 }, { "gegevens", 3 }, { "oneerlijk", 3 }, { "vooroordeel", 3 },
  { "beslissing", 3 }, { "wetgeving", 3 }, { "risico", 3 }, { "onveilig", 3 },
  { "gevaarlijk", 3 }, { "onderzoek", 3 }, { "resultaat", 3 }, { "kwaliteit", 3 },
  { "ervaring", 3 }, { "oplossing", 3 }, { "voorspellen", 3 }, { "herkennen", 3 },
  { "poëzie", 3 }, { "ruïne", 3 }, { "eieren", 3 }, { "teamleider", 3 }, { "reünie", 3 },
  { "kunstmatige", 4 }, { "eventueel", 4 }, { "Italië", 4 }, { "januari", 4 },
  { "situatie", 4 }, { "bibliotheek", 4 }, { "geaccepteerd", 4 }, { "informatie", 4 },
  { "gemakkelijk", 4 }, { "medewerker", 4 }, { "verschillende", 4 }, { "samenvatting", 4 },
  { "controleren", 4 }, { "februari", 4 }, { "uitnodiging", 4 }, { "vergadering", 4 },
  { "algoritme", 4 }, { "vooroordelen", 4 }, { "verordening", 4 }, { "onderzoeken", 4 },
  { "intelligentie", 5 }, { "individueel", 5 }, { "organisatie", 5 }, { "leidinggevende", 5 },
  { "universiteit", 5 }, { "zorgverzekering", 5 }, { "discriminatie", 5 },
  { "coördinatie", 5 }, { "geïnteresseerd", 5 }, { "financiële", 5 },
  { "gezichtsherkenning", 5 },
  { "verantwoordelijkheid", 6 }, { "burgerservicenummer", 6 }, { "participatiewet", 6 },
};

static void
test_hand_counted (void)
{
  guint right = 0;

  g_assert_true (helder_syllables_have_patterns ());
  g_assert_cmpuint (G_N_ELEMENTS (words), >=, 100);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      guint n = helder_syllables_count (words[i].word, -1);

      if (n == words[i].syllables)
        right++;
      else
        g_test_message ("%s: counted %u, expected %u", words[i].word, n, words[i].syllables);
    }

  g_test_message ("%u of %u words right", right, (guint) G_N_ELEMENTS (words));
  /* At least 97% exact. */
  g_assert_cmpuint (right * 100, >=, 97 * G_N_ELEMENTS (words));
}

static void
test_cache_and_case (void)
{
  g_assert_cmpuint (helder_syllables_count ("Gemeente", -1), ==, 3);
  g_assert_cmpuint (helder_syllables_count ("GEMEENTE", -1), ==, 3);
  g_assert_cmpuint (helder_syllables_count ("gemeentehuis", 8), ==, 3);
  g_assert_cmpuint (helder_syllables_count ("AI-verordening", -1), ==, 5);
}

static void
test_odd_input (void)
{
  /* Never zero for a word, never a crash for marks or other scripts. */
  g_assert_cmpuint (helder_syllables_count ("b", -1), ==, 1);
  g_assert_cmpuint (helder_syllables_count ("'s", -1), ==, 1);
  g_assert_cmpuint (helder_syllables_count ("Ωμέγα", -1), >=, 1);
  g_assert_cmpuint (helder_syllables_count ("", -1), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/syllables/hand-counted", test_hand_counted);
  g_test_add_func ("/syllables/cache-and-case", test_cache_and_case);
  g_test_add_func ("/syllables/odd-input", test_odd_input);

  return g_test_run ();
}

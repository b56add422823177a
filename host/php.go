package host

// PHP is a PHP page (WordPress themes and plugins): HTML once its <?php … ?> and <?= … ?>
// blocks are masked; a block that echoes or calls is a placeholder.
var PHP = &Language{
	Name:       "php",
	Aliases:    []string{"phtml"},
	Extensions: []string{".php", ".phtml"},
	IDs:        []string{"php"},
	Extract:    tmplExtract(tmplPHP),
	Cuts:       true,
	Finish:     tmplFinish(tmplPHP),
	Comments:   tmplComments(Delims{Open: "<?php", Close: "?>"}),
	Suppress:   &Delims{Open: "<?php //", Close: "?>"},
}
